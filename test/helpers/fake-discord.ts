import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** Ids the fake uses. */
export const FAKE = {
  appId: '100000000000000001',
  botId: '100000000000000001',
  guildId: '200000000000000002',
  channelId: '300000000000000003',
  /** A channel where the bot may not create threads (an overwrite denies it). */
  noThreadsChannelId: '300000000000000004',
  /** A channel where the bot may read but not send messages (an overwrite denies it). */
  readOnlyChannelId: '300000000000000005',
  ownerId: '400000000000000009',
  /** A second server the bot is in, with one text channel: for tests of what stays in its server. */
  guildBId: '200000000000000022',
  channelBId: '300000000000000023',
  token: `${Buffer.from('100000000000000001').toString('base64')}.fake.${'x'.repeat(40)}`,
} as const;

/** A REST request the bot made. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** performance.now() when the request had arrived whole. */
  at: number;
}

type Handler = (request: RecordedRequest, response: ServerResponse) => boolean;

let counter = 0;
/** A fresh snowflake-shaped id. */
export function snowflake(): string {
  counter += 1;
  return String(900000000000000000n + BigInt(Date.now() % 1_000_000) * 1000n + BigInt(counter));
}

/**
 * A local fake of Discord for end-to-end tests: an HTTP server for REST and a WebSocket gateway on
 * 127.0.0.1 with an ephemeral port. It answers the handshake the real client performs, lets a test
 * send INTERACTION_CREATE and records every REST request the bot makes.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly sockets = new Set<WebSocket>();
  /** The shard pair each socket identified with ([id, total]; [0, 1] without sharding). */
  readonly shardOf = new Map<WebSocket, [number, number]>();
  /** Messages the bot created or edited, by id, so that buttons can be pressed on them. */
  readonly messages = new Map<string, Record<string, unknown>>();
  identifies = 0;
  resumes = 0;
  /** Messages by channel, oldest first: what the bot sent and what the test sent as users. */
  readonly channelMessages = new Map<string, Array<Record<string, unknown>>>();
  /** Threads the bot started, kept so that a restarted bot sees them in GUILD_CREATE. */
  readonly threads = new Map<string, Record<string, unknown>>();
  /** Files users attached, served at /attachments/<name> as Discord's CDN would. */
  readonly attachments = new Map<string, { contentType: string; data: Uint8Array }>();

  /** An attachment object for an interaction, its file served by the fake. */
  attach(name: string, contentType: string, data: Uint8Array): Record<string, unknown> {
    this.attachments.set(name, { contentType, data });
    const url = `http://127.0.0.1:${this.port}/attachments/${name}`;
    return { id: snowflake(), filename: name, size: data.byteLength, url, proxy_url: url, content_type: contentType };
  }

  /** The commands last deployed (PUT), as GET returns them. */
  deployedCommands: Array<Record<string, unknown>> = [];
  /** A close code to answer IDENTIFY with (4004 authentication failed, 4014 disallowed intents), or null. */
  closeOnIdentify: number | null = null;
  /** What @everyone may do in the guild (the bot has no role of its own). */
  everyonePermissions = DEFAULT_PERMISSIONS;
  private sequence = 0;
  private readonly waiters: Array<{ match: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }> = [];
  private readonly overrides: Handler[] = [];
  private readonly identifyWaiters: Array<() => void> = [];

  private constructor(
    private readonly http: Server,
    private readonly gateway: WebSocketServer,
  ) {}

  /** Starts the fake on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<FakeDiscord> {
    const http = createServer();
    const gateway = new WebSocketServer({ server: http });
    const fake = new FakeDiscord(http, gateway);
    http.on('request', (request, response) => void fake.onRequest(request, response));
    gateway.on('connection', (socket) => fake.onSocket(socket));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Answers matching requests differently (a 429, a 500, a 404) while `handler` returns true. */
  override(handler: Handler): void {
    this.overrides.push(handler);
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let body: unknown = raw;
    if (raw && request.headers['content-type']?.includes('application/json')) body = JSON.parse(raw);
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.search, headers: request.headers, body, at: performance.now() };
    this.requests.push(recorded);
    for (const override of this.overrides) if (override(recorded, response)) return this.notify(recorded);
    this.answer(recorded, response);
    this.notify(recorded);
  }

  private notify(request: RecordedRequest): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.match(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  private json(response: ServerResponse, status: number, data?: unknown): void {
    if (data === undefined) {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
  }

  /** A Message object as Discord returns it, for what the bot sent; kept so buttons can be pressed on it. */
  message(data: Record<string, unknown>, id = snowflake(), channelId: string = FAKE.channelId): Record<string, unknown> {
    const message = messageObject(id, { ...user(FAKE.botId, 'report-bot'), bot: true }, { ...data, channel_id: channelId });
    this.messages.set(id, message);
    this.store(channelId, message);
    return message;
  }

  private store(channelId: string, message: Record<string, unknown>): void {
    const list = this.channelMessages.get(channelId) ?? [];
    list.push(message);
    this.channelMessages.set(channelId, list);
  }

  /**
   * A guild as GUILD_CREATE sends it: the first server has three text channels, the second one;
   * @everyone's permissions, the bot as member, its threads.
   */
  private guild(guildId: string = FAKE.guildId): Record<string, unknown> {
    const channel = (id: string, name: string, overwrites: unknown[]) => ({ id, type: 0, guild_id: guildId, name, position: 0, permission_overwrites: overwrites, parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 });
    const channels =
      guildId === FAKE.guildId
        ? [
            channel(FAKE.channelId, 'general', []),
            channel(FAKE.noThreadsChannelId, 'no-threads', [{ id: FAKE.guildId, type: 0, allow: '0', deny: String(PERMISSION.CreatePublicThreads) }]),
            channel(FAKE.readOnlyChannelId, 'read-only', [{ id: FAKE.guildId, type: 0, allow: '0', deny: String(PERMISSION.SendMessages) }]),
          ]
        : [channel(FAKE.channelBId, 'general-b', [])];
    return {
      id: guildId,
      name: guildId === FAKE.guildId ? 'Test server' : 'Second server',
      icon: null,
      owner_id: FAKE.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: String(this.everyonePermissions), managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'zh-CN',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: '2021-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [{ user: { ...user(FAKE.botId, 'report-bot'), bot: true }, roles: [], joined_at: '2021-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 }],
      channels,
      threads: [...this.threads.values()].filter((thread) => thread.guild_id === guildId),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  private answer(request: RecordedRequest, response: ServerResponse): void {
    const { method, path } = request;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return this.json(response, 200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      const callback = request.body as { type: number; data?: Record<string, unknown> };
      if (callback.type === 4 && callback.data) this.message(callback.data);
      return this.json(response, 204);
    }
    if (method === 'PATCH' && /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      return this.json(response, 200, this.message(request.body as Record<string, unknown>));
    }
    if (method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) {
      return this.json(response, 200, this.message(request.body as Record<string, unknown>));
    }
    const startThread = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (method === 'POST' && startThread) {
      const id = snowflake();
      const thread = {
        id,
        type: 11,
        guild_id: startThread[1] === FAKE.channelBId ? FAKE.guildBId : FAKE.guildId,
        parent_id: startThread[1],
        owner_id: FAKE.botId,
        name: (request.body as { name: string }).name,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        flags: 0,
        total_message_sent: 0,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      };
      this.threads.set(id, thread);
      return this.json(response, 201, thread);
    }
    if (method === 'GET' && path.startsWith('/attachments/')) {
      const file = this.attachments.get(path.slice('/attachments/'.length));
      if (!file) return this.json(response, 404, { message: 'Unknown attachment' });
      response.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.byteLength) }).end(file.data);
      return;
    }
    const channelMessages = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channelMessages) {
      return this.json(response, 200, this.message(request.body as Record<string, unknown>, snowflake(), channelMessages[1]!));
    }
    if (method === 'GET' && channelMessages) {
      const params = new URLSearchParams(request.query);
      const limit = Number(params.get('limit') ?? 50);
      const before = params.get('before');
      const all = (this.channelMessages.get(channelMessages[1]!) ?? []).filter((message) => !before || BigInt(String(message.id)) < BigInt(before));
      return this.json(response, 200, all.slice(-limit).reverse());
    }
    if (method === 'POST' && path === '/api/v10/users/@me/channels') {
      // a DM channel with the recipient, as Discord opens one
      const recipient = String((request.body as { recipient_id?: string }).recipient_id);
      return this.json(response, 200, { id: `7${recipient.slice(1)}`, type: 1, last_message_id: null, recipients: [user(recipient)] });
    }
    if (method === 'GET' && /^\/api\/v10\/channels\/\d+$/.test(path)) {
      // channels of the guild come with GUILD_CREATE: any other is unknown
      return this.json(response, 404, { message: 'Unknown Channel', code: 10003 });
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      // stored as Discord would return them: with ids, versions and its defaults filled in
      this.deployedCommands = (request.body as Array<Record<string, unknown>>).map((command) => ({ id: snowflake(), application_id: FAKE.appId, version: '1', default_member_permissions: null, nsfw: false, name_localizations: null, ...command }));
      return this.json(response, 200, this.deployedCommands);
    }
    if (method === 'GET' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return this.json(response, 200, this.deployedCommands);
    }
    this.json(response, 404, { message: 'Unknown route in the fake', code: 0 });
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: unknown };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        this.identifies += 1;
        this.intents = (payload.d as { intents: number }).intents;
        const shard = (payload.d as { shard?: [number, number] }).shard ?? [0, 1];
        this.shardOf.set(socket, shard);
        if (this.closeOnIdentify !== null) {
          socket.close(this.closeOnIdentify, 'refused by the fake');
          return;
        }
        this.dispatch(socket, 'READY', {
          v: 10,
          user: { id: FAKE.botId, username: 'report-bot', discriminator: '0', global_name: null, avatar: null, bot: true },
          guilds: [{ id: FAKE.guildId, unavailable: true }, { id: FAKE.guildBId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          shard: this.shardOf.get(socket) ?? [0, 1],
          application: { id: FAKE.appId, flags: 0 },
        });
        this.dispatch(socket, 'GUILD_CREATE', this.guild(FAKE.guildId));
        this.dispatch(socket, 'GUILD_CREATE', this.guild(FAKE.guildBId));
        for (const resolve of this.identifyWaiters.splice(0)) resolve();
      }
      if (payload.op === 6) {
        this.resumes += 1;
        this.dispatch(socket, 'RESUMED', {});
        for (const resolve of this.identifyWaiters.splice(0)) resolve();
      }
    });
  }

  private dispatch(socket: WebSocket, event: string, data: unknown): void {
    this.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: event, s: this.sequence, d: data }));
  }

  /** The bot is removed from a server (GUILD_DELETE without `unavailable`), or, with `unavailable`, the server has an outage. */
  removeFromGuild(guildId: string, unavailable = false): void {
    for (const socket of this.sockets) this.dispatch(socket, 'GUILD_DELETE', unavailable ? { id: guildId, unavailable: true } : { id: guildId });
  }

  /** The bot joins a server again (GUILD_CREATE after READY). */
  addToGuild(guildId: string): void {
    for (const socket of this.sockets) this.dispatch(socket, 'GUILD_CREATE', this.guild(guildId));
  }

  /** Resolves at the next IDENTIFY or RESUME. */
  nextSession(): Promise<void> {
    return new Promise((resolve) => this.identifyWaiters.push(resolve));
  }

  /** The intents the bot identified with (the last IDENTIFY). */
  intents = 0;

  /**
   * A user's message, sent as MESSAGE_CREATE to every gateway socket: in a guild channel (or
   * thread) when `guild` is true, else in a DM. `mentions` are the users it mentions.
   */
  sendMessage(options: { channelId: string; content: string; authorId?: string; guild?: boolean; guildId?: string; mentions?: string[]; bot?: boolean; webhookId?: string; type?: number; mentionEveryone?: boolean; mentionRoles?: string[] }): Record<string, unknown> {
    const author = { ...user(options.authorId ?? '400000000000000004'), ...(options.bot ? { bot: true } : {}) };
    const message = messageObject(snowflake(), author, {
      channel_id: options.channelId,
      content: options.content,
      mentions: (options.mentions ?? []).map((id) => ({ ...user(id, id === FAKE.botId ? 'report-bot' : 'someone'), ...(id === FAKE.botId ? { bot: true } : {}) })),
      mention_everyone: options.mentionEveryone ?? false,
      mention_roles: options.mentionRoles ?? [],
      type: options.type ?? 0,
      // Discord says what kind of channel it is: a DM (1), a public thread (11) or a text channel (0)
      channel_type: options.guild === false ? 1 : this.threads.has(options.channelId) ? 11 : 0,
      ...(options.webhookId ? { webhook_id: options.webhookId } : {}),
      ...(options.guild === false ? {} : { guild_id: options.guildId ?? (options.channelId === FAKE.channelBId ? FAKE.guildBId : FAKE.guildId), member: { roles: [], joined_at: '2021-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } }),
    });
    this.store(options.channelId, message);
    for (const socket of this.sockets) this.dispatch(socket, 'MESSAGE_CREATE', message);
    return message;
  }

  /**
   * Sends an INTERACTION_CREATE as Discord does: to one connection per shard (the first that
   * identified), to every shard or only to `shard`. Two sessions of one shard (two bot processes
   * in a test) do not both receive it.
   */
  send(interaction: Record<string, unknown>, shard?: number): void {
    const served = new Set<number>();
    // the newest open connection of a shard is its session (a resumed one has not identified)
    for (const socket of [...this.sockets].reverse()) {
      const id = this.shardOf.get(socket)?.[0] ?? 0;
      if (socket.readyState !== socket.OPEN || served.has(id) || (shard !== undefined && id !== shard)) continue;
      served.add(id);
      this.dispatch(socket, 'INTERACTION_CREATE', interaction);
    }
  }

  /** Resolves with the first request (already made or to come) that matches. */
  waitFor(match: (request: RecordedRequest) => boolean, timeoutMs = 5000, since = 0): Promise<RecordedRequest> {
    const done = this.requests.slice(since).find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the fake Discord saw no matching request in time')), timeoutMs);
      this.waiters.push({ match, resolve: (request) => (clearTimeout(timer), resolve(request)) });
    });
  }

  /** Closes every gateway connection with a close frame (4004 when a token is revoked while running). */
  closeGateway(code: number): void {
    for (const socket of this.sockets) socket.close(code, 'closed by the test');
  }

  /** Drops every gateway connection: code 1006 (abnormal, no close frame) or a close frame with `code`. */
  dropGateway(code: number): void {
    for (const socket of this.sockets) {
      if (code === 1006) socket.terminate();
      else socket.close(code, 'dropped by the test');
    }
  }

  /** Closes every socket and both servers. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

/** Permission bits the fake grants or denies (Discord's values). */
export const PERMISSION = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

const DEFAULT_PERMISSIONS = Object.values(PERMISSION).reduce((all, bit) => all | bit, 0n);

/** A Message object with every field discord.js reads, overridden by `data`. */
function messageObject(id: string, author: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    channel_id: FAKE.channelId,
    author,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...data,
  };
}

/** A user for interactions. */
export function user(id: string, name = 'tester'): Record<string, unknown> {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null };
}

interface InteractionOptions {
  userId?: string;
  locale?: string;
  /** The server it comes from (default the first); null for a DM. */
  guild?: string | null;
  /** The channel (default the server's first channel). */
  channelId?: string;
  /** The member's permissions (a bit field as a string); none by default. */
  permissions?: string;
}

function base(type: number, options: InteractionOptions): Record<string, unknown> {
  const id = snowflake();
  const userId = options.userId ?? '400000000000000004';
  const guildId = options.guild === undefined ? FAKE.guildId : options.guild;
  const common = { id, application_id: FAKE.appId, type, token: `token-${id}`, version: 1, locale: options.locale ?? 'zh-CN', entitlements: [], app_permissions: '0' };
  if (guildId === null) {
    // a DM: no server, no member; the user as such, in a DM channel
    const channelId = options.channelId ?? `7${userId.slice(1)}`;
    return { ...common, channel_id: channelId, channel: { id: channelId, type: 1 }, user: user(userId), authorizing_integration_owners: { '0': FAKE.guildId }, context: 1 };
  }
  const channelId = options.channelId ?? (guildId === FAKE.guildBId ? FAKE.channelBId : FAKE.channelId);
  return {
    ...common,
    guild_locale: 'zh-CN',
    guild_id: guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: guildId, name: 'general' },
    member: { user: user(userId), roles: [], permissions: options.permissions ?? '0', joined_at: '2021-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    authorizing_integration_owners: { '0': guildId },
    context: 0,
  };
}

/** A slash command interaction (type 2). Options: [{ name, type, value }]. */
export function slashCommand(name: string, options: Array<Record<string, unknown>>, extra: InteractionOptions = {}): Record<string, unknown> {
  return { ...base(2, extra), data: { id: snowflake(), name, type: 1, options } };
}

/** An autocomplete interaction (type 4) with the focused option. */
export function autocomplete(name: string, option: string, value: string, extra: InteractionOptions = {}): Record<string, unknown> {
  return { ...base(4, extra), data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] } };
}

/** A button press (type 3) on a message. */
export function buttonPress(customId: string, message: Record<string, unknown>, extra: InteractionOptions = {}): Record<string, unknown> {
  return { ...base(3, extra), message, data: { custom_id: customId, component_type: 2 } };
}

/** A message context menu command (type 2, data.type 3) on a message with `content`. */
export function messageCommand(name: string, content: string, extra: InteractionOptions = {}): Record<string, unknown> {
  const target = snowflake();
  const message = messageObject(target, user('500000000000000005', 'someone'), { content });
  return { ...base(2, extra), data: { id: snowflake(), name, type: 3, target_id: target, resolved: { messages: { [target]: message } } } };
}

/** A modal submit (type 5) from a modal opened on `message`, with its text fields' values. */
export function modalSubmit(customId: string, fields: Record<string, string>, message: Record<string, unknown>, extra: InteractionOptions = {}): Record<string, unknown> {
  return {
    ...base(5, extra),
    message,
    data: { custom_id: customId, components: Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })) },
  };
}
