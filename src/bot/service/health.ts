import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Health and metrics over HTTP, for a supervisor and Prometheus: `/healthz` answers 200 while the
 * gateway is connected and the corpus loaded (503 otherwise), `/metrics` the Prometheus text.
 * Off unless HEALTH_PORT is set; bound to 127.0.0.1 unless HEALTH_HOST says otherwise.
 */

/** One handled interaction or chat message, as the dispatcher and the chat handler log it. */
export interface Handled {
  command: string;
  /** answered | not_found | refused (cooldown, a rejected question) | error */
  outcome: string;
  latencyMs: number;
  found?: boolean;
}

/** The bot's metrics, in their own registry (with the process's default metrics). */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly interactions: Counter<'command' | 'outcome'>;
  private readonly latency: Histogram<'command'>;
  private readonly questions: Counter<'found'>;
  private readonly foundRate: Gauge;
  private readonly passages: Gauge;
  private readonly reports: Gauge;
  readonly reloads: Counter;
  /** Store writes (question log, votes) by outcome: written, retried, dropped. */
  readonly storeWrites: Counter<'outcome'>;
  /** Scheduled briefings posted. */
  readonly briefings: Counter;
  private waiting: () => number = () => 0;
  private found = 0;
  private asked = 0;

  constructor(labels: Record<string, string> = {}) {
    this.registry.setDefaultLabels(labels);
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.interactions = new Counter({ name: 'report_bot_interactions_total', help: 'Interactions and chat messages handled, by command and outcome.', labelNames: ['command', 'outcome'], registers });
    this.latency = new Histogram({ name: 'report_bot_answer_seconds', help: 'Time from receiving an interaction or message to having answered it.', labelNames: ['command'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers });
    this.questions = new Counter({ name: 'report_bot_questions_total', help: 'Questions answered from the corpus, by whether the report had the answer.', labelNames: ['found'], registers });
    this.foundRate = new Gauge({ name: 'report_bot_found_rate', help: 'Share of questions since start that the report answered (0-1).', registers });
    this.passages = new Gauge({ name: 'report_bot_corpus_passages', help: 'Passages indexed.', registers });
    this.reports = new Gauge({ name: 'report_bot_corpus_reports', help: 'Reports in the corpus.', registers });
    this.reloads = new Counter({ name: 'report_bot_corpus_reloads_total', help: 'Times the corpus was loaded again while running.', registers });
    this.storeWrites = new Counter({ name: 'report_bot_store_writes_total', help: 'Store writes (question log, votes) by outcome: written, retried (an attempt failed), dropped (after the last retry).', labelNames: ['outcome'], registers });
    this.briefings = new Counter({ name: 'report_bot_scheduled_briefings_total', help: 'Scheduled briefings posted by this process.', registers });
    const metrics = this;
    new Gauge({ name: 'report_bot_store_writes_waiting', help: 'Store writes queued or being retried now.', registers, collect() { this.set(metrics.waiting()); } });
  }

  /** Where the waiting store writes are counted (the bot's write queue). */
  countWaiting(waiting: () => number): void {
    this.waiting = waiting;
  }

  /** Records a handled interaction or message. */
  record(handled: Handled): void {
    this.interactions.inc({ command: handled.command, outcome: handled.outcome });
    this.latency.observe({ command: handled.command }, handled.latencyMs / 1000);
    if (handled.found !== undefined) {
      this.questions.inc({ found: String(handled.found) });
      this.asked += 1;
      if (handled.found) this.found += 1;
      this.foundRate.set(this.found / this.asked);
    }
  }

  /** Sets the corpus figures. */
  corpus(passages: number, reports: number): void {
    this.passages.set(passages);
    this.reports.set(reports);
  }
}

/** A running health server and its address. */
export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** Serves /healthz and /metrics on `host:port` (port 0: any free port). */
export async function startHealthServer(options: { port: number; host: string; healthy: () => boolean; metrics: BotMetrics }): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const ok = options.healthy();
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
      return;
    }
    if (path === '/metrics') {
      options.metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': options.metrics.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
