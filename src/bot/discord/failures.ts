import { DiscordAPIError } from 'discord.js';

/**
 * What a failure to connect to Discord means to whoever runs the bot: one line naming what to do,
 * and whether trying again can help (Discord unreachable) or cannot (a rejected token).
 */
export interface ConnectFailure {
  line: string;
  retry: boolean;
}

const TOKEN_REJECTED =
  "Discord rejected DISCORD_TOKEN (authentication failed): reset the token on the Developer Portal (your application → Bot → Reset Token), put it in .env as DISCORD_TOKEN, and start again.";
const INTENTS_REFUSED =
  "Discord refused the bot's gateway intents (4014 disallowed intents): MESSAGE_CONTENT_INTENT=true needs the Message Content Intent switched on under Privileged Gateway Intents on the Developer Portal's Bot page; switch it on, or set MESSAGE_CONTENT_INTENT=false (mentions are answered without it).";

/** Errors of a network that did not answer: worth another try. */
const NETWORK = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR|fetch failed|socket hang up|Connect Timeout/i;

/** Reads a failed login. */
export function describeConnectFailure(error: unknown, apiUrl: string): ConnectFailure {
  const err = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown }; status?: unknown };
  const message = String(err?.message ?? error);
  const code = String(err?.code ?? err?.cause?.code ?? '');
  if (code === 'TokenInvalid' || message === 'Authentication failed' || (error instanceof DiscordAPIError && error.status === 401) || err?.status === 401) {
    return { line: TOKEN_REJECTED, retry: false };
  }
  if (code === 'DisallowedIntents' || /disallowed intents/i.test(message)) return { line: INTENTS_REFUSED, retry: false };
  if (NETWORK.test(code) || NETWORK.test(message) || NETWORK.test(String(err?.cause?.message ?? ''))) {
    return { line: `Discord could not be reached at ${apiUrl} (${code || message}): check the network, a proxy, or DISCORD_API_URL.`, retry: true };
  }
  return { line: `Could not connect to Discord: ${message.split('\n')[0]}. Check DISCORD_TOKEN and DISCORD_API_URL.`, retry: false };
}

/**
 * Gateway close codes after which the bot cannot go on (https://discord.com/developers/docs/topics/opcodes-and-status-codes):
 * reconnecting would fail the same way, so the process ends with code 1 and a supervisor (systemd,
 * Docker) sees a failure rather than a clean exit.
 */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [4004, TOKEN_REJECTED.replace('(authentication failed)', '(gateway close 4004: the token was revoked or reset while the bot ran)')],
  [4010, 'Discord closed the gateway: invalid shard (4010). Check the shard settings the bot was started with.'],
  [4011, 'Discord closed the gateway: sharding is required (4011): the bot is in too many servers for one connection.'],
  [4012, 'Discord closed the gateway: invalid API version (4012). Update discord.js (npm ci with the lockfile of a newer release).'],
  [4013, 'Discord closed the gateway: invalid intents (4013). This is a bug in the bot: report it.'],
  [4014, INTENTS_REFUSED],
]);
