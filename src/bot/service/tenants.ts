import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusError, CorpusErrors, Engine, fileCache, Library, loadCorpus, Suggester, type Reports, type Suggestions } from '../../core/index.js';
import type { Logger } from '../../logger.js';

/**
 * Reports have an owner. The operator's corpus folder (CORPUS_DIR) is global: every server and
 * every DM reads it. A report added with /sources add belongs to the server that added it and is
 * kept in that server's own folder (GUILD_CORPUS_DIR/<server id>/), with an engine of its own: it
 * answers only there, and adding or removing it indexes that server's reports alone. A server's
 * view is a {@link Library} of the global engine and its own.
 *
 * Discord routes every event of a server to one shard, so a shard process serves the global
 * reports and the folders of its own servers only (see {@link shardOfGuild}).
 *
 * Memory follows what is asked: a server's engine is built when the server is first asked (a few
 * reports build in milliseconds), and at most {@link TenantsOptions.maxLoaded} are kept, the least
 * recently asked dropped first (GUILD_ENGINES_KEPT). An index costs about 15 KB a passage in
 * MiniSearch's maps (measured by `npm run bench`), so idle servers cost nothing but their folders.
 */

/** Servers' engines kept in memory at most, unless told otherwise. */
export const MAX_LOADED_GUILDS = 128;

/** The scope of the operator's reports, as {@link Tenants.reload} and the pending imports name it. */
export const GLOBAL_SCOPE = 'global';

/** A Discord server id: the only folder names the guild folder may hold. */
const GUILD_ID = /^\d{15,21}$/;

/** The shard Discord routes a server to: (id >> 22) % shard count. */
export function shardOfGuild(guild: string, shardCount: number): number {
  return Number((BigInt(guild) >> 22n) % BigInt(shardCount));
}

/** What a reload did: the reports added, changed and removed; or why the folder was refused. */
export type ReloadResult = { ok: true; added: string[]; changed: string[]; removed: string[] } | { ok: false; errors: string[] };

/** What a command reads for one audience: its reports and the suggestions drawn from them. */
export interface View {
  engine: Reports;
  suggester: Suggestions;
}

/** What {@link Tenants} needs. */
export interface TenantsOptions {
  /** CORPUS_DIR: the operator's reports. */
  globalDir: string;
  /** GUILD_CORPUS_DIR: one folder per server that added reports. */
  guildsDir: string;
  /** INDEX_CACHE_DIR, for the global corpus (servers' folders are small and built at once). */
  cacheDir?: string;
  logger: Logger;
  /** Whether this process serves a server (its shard); every server without sharding. */
  serves?: (guild: string) => boolean;
  /** Servers' engines kept at most (default {@link MAX_LOADED_GUILDS}); the least recently asked go first. */
  maxLoaded?: number;
}

interface Tenant {
  engine: Engine;
  suggester: Suggester | undefined;
  view: View | undefined;
}

/** See the module comment. */
export class Tenants {
  /** Servers with a folder of reports, served by this process. */
  private readonly known = new Set<string>();
  /** Servers' engines in memory, least recently asked first. */
  private readonly guilds = new Map<string, Tenant>();
  /** Servers whose folder did not load, until it changes (not read again on every question). */
  private readonly broken = new Set<string>();
  private globalSuggester: Suggester;
  private globalView: View;

  constructor(
    public global: Engine,
    private readonly options: TenantsOptions,
  ) {
    this.globalSuggester = new Suggester(global);
    this.globalView = { engine: global, suggester: this.globalSuggester };
  }

  /** Finds the folders of the servers this process serves; each is loaded when its server is first asked. */
  loadGuilds(): { guilds: number } {
    const root = this.options.guildsDir;
    if (!existsSync(root)) return { guilds: 0 };
    for (const name of readdirSync(root).sort()) {
      if (GUILD_ID.test(name) && statSync(join(root, name)).isDirectory() && this.serves(name)) this.known.add(name);
    }
    return { guilds: this.known.size };
  }

  /** A server's engine: kept, or loaded now from its folder; undefined for a server without reports (or a broken folder). */
  private tenant(guild: string | null | undefined): Tenant | undefined {
    if (!guild) return undefined;
    const kept = this.guilds.get(guild);
    if (kept) {
      // most recently asked last
      this.guilds.delete(guild);
      this.guilds.set(guild, kept);
      return kept;
    }
    if (!this.known.has(guild) || this.broken.has(guild)) return undefined;
    const result = this.reload(guild);
    if (!result.ok) this.broken.add(guild);
    return this.guilds.get(guild);
  }

  /** Keeps at most maxLoaded engines: the least recently asked are dropped (loaded again when asked). */
  private evict(): void {
    const max = this.options.maxLoaded ?? MAX_LOADED_GUILDS;
    while (this.guilds.size > max) this.guilds.delete(this.guilds.keys().next().value as string);
  }

  /** Whether this process serves `guild` (its shard). */
  serves(guild: string): boolean {
    return this.options.serves?.(guild) ?? true;
  }

  /** The reports `guild` sees (null: a DM, the global reports alone), with their suggestions. */
  view(guild: string | null | undefined): View {
    const tenant = this.tenant(guild);
    if (!tenant) return this.globalView;
    if (!tenant.view) {
      tenant.suggester ??= new Suggester(tenant.engine);
      tenant.view = { engine: new Library([this.global, tenant.engine]), suggester: Suggester.combine([this.globalSuggester, tenant.suggester]) };
    }
    return tenant.view;
  }

  /** The reports a server added itself (empty for none). */
  own(guild: string | null | undefined): ReadonlyMap<string, unknown> {
    return this.tenant(guild)?.engine.documents ?? new Map();
  }

  /** The folder of a scope: the global corpus, or a server's own. */
  dirOf(scope: string): string {
    if (scope === GLOBAL_SCOPE) return this.options.globalDir;
    if (!GUILD_ID.test(scope)) throw new Error(`not a server id: ${scope}`);
    return join(this.options.guildsDir, scope);
  }

  /** Servers with reports of their own in this process, those in memory, and the passages in memory (for the bench and metrics). */
  get stats(): { guilds: number; loaded: number; passages: number; reports: number } {
    let passages = this.global.passages.length;
    let reports = this.global.documents.size;
    for (const tenant of this.guilds.values()) {
      passages += tenant.engine.passages.length;
      reports += tenant.engine.documents.size;
    }
    return { guilds: this.known.size, loaded: this.guilds.size, passages, reports };
  }

  /** Forgets a server's engine and folder (its reports were deleted). */
  drop(guild: string): void {
    this.guilds.delete(guild);
    this.known.delete(guild);
    this.broken.delete(guild);
  }

  /**
   * Loads one scope's folder again and brings its engine in step: only that scope's index changes.
   * A folder that does not load (a broken file) leaves the old reports answering and says why.
   */
  reload(scope: string): ReloadResult {
    const started = performance.now();
    const dir = this.dirOf(scope);
    try {
      if (scope === GLOBAL_SCOPE) {
        const corpus = loadCorpus(dir, this.options.cacheDir ? { cache: fileCache(this.options.cacheDir), onCacheProblem: (message) => this.options.logger.warn({ message }, 'corpus cache problem') } : {});
        const changes = this.global.update(corpus);
        if (changes.added.length + changes.changed.length + changes.removed.length > 0) {
          // the dictionary limited to the new corpus is read now, not on the next question
          this.global.warm();
          this.globalSuggester = new Suggester(this.global);
          this.globalView = { engine: this.global, suggester: this.globalSuggester };
          // every server's view layers the global engine: made again on first use
          for (const tenant of this.guilds.values()) tenant.view = undefined;
        }
        this.log(scope, changes, started);
        return { ok: true, ...changes };
      }
      const tenant = this.guilds.get(scope);
      const hasReports = existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.md'));
      this.broken.delete(scope);
      if (!hasReports) {
        const removed = tenant ? [...tenant.engine.documents.keys()] : [];
        this.guilds.delete(scope);
        this.known.delete(scope);
        this.log(scope, { added: [], changed: [], removed }, started);
        return { ok: true, added: [], changed: [], removed };
      }
      this.known.add(scope);
      const corpus = loadCorpus(dir);
      let changes: { added: string[]; changed: string[]; removed: string[] };
      if (tenant) {
        changes = tenant.engine.update(corpus);
        tenant.suggester = undefined;
        tenant.view = undefined;
      } else {
        const engine = Engine.build(corpus);
        this.guilds.set(scope, { engine, suggester: undefined, view: undefined });
        this.evict();
        changes = { added: [...engine.documents.keys()], changed: [], removed: [] };
      }
      this.log(scope, changes, started);
      return { ok: true, ...changes };
    } catch (error) {
      if (!(error instanceof CorpusError || error instanceof CorpusErrors)) throw error;
      const errors = error instanceof CorpusErrors ? error.errors.map((item) => item.message) : [error.message];
      this.options.logger.error({ scope, errors }, 'corpus reload refused: the old reports keep answering');
      return { ok: false, errors };
    }
  }

  private log(scope: string, changes: { added: string[]; changed: string[]; removed: string[] }, started: number): void {
    const changed = changes.added.length + changes.changed.length + changes.removed.length > 0;
    this.options.logger.info({ scope, ...changes, ms: Math.round(performance.now() - started) }, changed ? 'corpus reloaded' : 'corpus unchanged');
  }
}

/**
 * The tenants of a bot process from its settings: the global engine, and the folders of the
 * servers its shard serves (every server without sharding; discord.js tells a shard process its id
 * and the shard count in SHARDS and SHARD_COUNT).
 */
export function tenantsFor(config: { CORPUS_DIR: string; GUILD_CORPUS_DIR: string; INDEX_CACHE_DIR: string; GUILD_ENGINES_KEPT?: number }, global: Engine, logger: Logger, env: NodeJS.ProcessEnv = process.env): Tenants {
  const shard = env.SHARDING_MANAGER === 'true' && /^\d+$/.test(env.SHARDS ?? '') ? Number(env.SHARDS) : null;
  const count = Number(env.SHARD_COUNT);
  const serves = shard !== null && Number.isInteger(count) && count > 1 ? (guild: string) => shardOfGuild(guild, count) === shard : undefined;
  const tenants = new Tenants(global, { globalDir: config.CORPUS_DIR, guildsDir: config.GUILD_CORPUS_DIR, cacheDir: config.INDEX_CACHE_DIR, logger, ...(config.GUILD_ENGINES_KEPT ? { maxLoaded: config.GUILD_ENGINES_KEPT } : {}), ...(serves ? { serves } : {}) });
  const found = tenants.loadGuilds();
  logger.info({ guilds: found.guilds, shard }, 'servers with reports of their own (each loaded when first asked)');
  return tenants;
}
