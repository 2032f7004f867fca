import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Fetching a report's page, safely: only http(s), at most FETCH_MAX_REDIRECTS redirects, a size
 * limit, a deadline for the whole fetch and for each pause in the body, and a content-type check.
 *
 * An address that reaches inside is refused: every hop's host is resolved, every address it
 * resolves to is checked against loopback, private, link-local, unique-local, CGNAT, "this
 * network", multicast and reserved ranges (IPv4-mapped IPv6 included), and the connection goes to
 * the address that was checked (the socket's lookup returns it: no second DNS answer can differ).
 * Hosts the operator trusts (IMPORT_ALLOWED_HOSTS, private ones included) skip the address check;
 * the CLI may lift it altogether (`--allow-private`).
 *
 * Every failure is a {@link FetchError} with a detailed message (for the log and the operator's
 * CLI); what a Discord user sees is one generic sentence, so that errors tell no open port from a
 * closed one.
 */

export const FETCH_TIMEOUT_MS = 20_000;
/** How long the body may pause between two chunks. */
export const FETCH_IDLE_MS = 10_000;
export const FETCH_MAX_BYTES = 20 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 5;

/** Content types the importer reads, and the kind each is read as. */
const KINDS: Array<[RegExp, 'html' | 'docx' | 'pdf' | 'text']> = [
  [/^text\/html|^application\/xhtml\+xml/i, 'html'],
  [/^application\/pdf/i, 'pdf'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/i, 'docx'],
  [/^text\/plain/i, 'text'],
];

/** A fetched document. */
export interface Fetched {
  url: string;
  kind: 'html' | 'docx' | 'pdf' | 'text';
  data: Uint8Array;
}

/** Why a fetch failed; `code` names the kind of failure ('refused' for an address that reaches inside). */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly code: 'refused' | 'scheme' | 'redirects' | 'network' | 'timeout' | 'status' | 'type' | 'size' = 'network',
  ) {
    super(message);
  }
}

/** Ranges no fetch may reach unless the operator trusts the host. */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: an IPv4 address behind it
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) BLOCKED.addSubnet(network, prefix, 'ipv6');

/** True when an IP address is one a fetch must not reach (see the module comment). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // an IPv4 address written as IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1, ::127.0.0.1) is checked as IPv4
  const mapped = /^(?:0{0,4}:){2,5}(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1] ?? hexMapped(lower);
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  return BLOCKED.check(lower, 'ipv6');
}

/** ::ffff:7f00:1 → 127.0.0.1; undefined when the address is not IPv4-mapped. */
function hexMapped(address: string): string | undefined {
  const match = /^(?:0{0,4}:){1,5}ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!match) return undefined;
  const high = parseInt(match[1]!, 16);
  const low = parseInt(match[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** How a fetch may reach addresses. */
export interface FetchPolicy {
  /** Hosts (names or addresses, lower case) trusted even when they resolve inside: IMPORT_ALLOWED_HOSTS. */
  allowedHosts?: ReadonlySet<string>;
  /** Lifts the address check altogether (the operator's CLI, `--allow-private`). */
  allowPrivate?: boolean;
}

/** Options of {@link fetchDocument}. */
export interface FetchOptions extends FetchPolicy {
  timeoutMs?: number;
  idleMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

/** The hosts of IMPORT_ALLOWED_HOSTS ("a.example, 127.0.0.1, [::1]") as a set. */
export function allowedHostsOf(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((host) => host.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean));
}

/** Resolves a host to one address the policy allows: every address it resolves to must pass. */
async function checkedAddress(host: string, policy: FetchPolicy): Promise<{ address: string; family: 4 | 6 }> {
  const trusted = policy.allowPrivate === true || (policy.allowedHosts?.has(host) ?? false);
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new FetchError(`could not resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'network');
    }
  }
  if (addresses.length === 0) throw new FetchError(`${host} resolves to no address`, 'network');
  if (!trusted) {
    // a private address passes only when the operator trusts that very address
    const inside = addresses.find(({ address }) => isPrivateAddress(address) && !(policy.allowedHosts?.has(address.toLowerCase()) ?? false));
    if (inside) throw new FetchError(`${host} resolves to ${inside.address}, an address inside the network: refused (the operator may trust a host with IMPORT_ALLOWED_HOSTS)`, 'refused');
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** One request to a checked address; resolves with the response's head (the body is read by the caller). */
function requestOnce(url: URL, pinned: { address: string; family: 4 | 6 }, signal: AbortSignal): Promise<IncomingMessage> {
  // the socket connects to the checked address whatever name it is given: no second lookup
  const pinnedLookup = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', lookup: pinnedLookup, signal, headers: { 'user-agent': 'report-bot-importer/1', accept: 'text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,*/*;q=0.1' } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Fetches `url` (http or https) under the rules of the module comment. */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const idleMs = options.idleMs ?? FETCH_IDLE_MS;
  const maxBytes = options.maxBytes ?? FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? FETCH_MAX_REDIRECTS;
  const deadline = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      throw new FetchError(`not an address: ${current}`, 'scheme');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(`only http(s) addresses can be imported, not ${current}`, 'scheme');
    if (parsed.username || parsed.password) throw new FetchError(`an address with a user name or password is not imported: ${parsed.host}`, 'scheme');
    const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const pinned = await checkedAddress(host, options);
    let response: IncomingMessage;
    try {
      response = await requestOnce(parsed, pinned, deadline);
    } catch (error) {
      if (deadline.aborted) throw new FetchError(`no answer from ${parsed.host} within ${timeoutMs / 1000} s`, 'timeout');
      throw new FetchError(`could not fetch ${parsed.host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'network');
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      if (redirects >= maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects from ${url}`, 'redirects');
      current = new URL(location, current).toString();
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchError(`${current} answered ${status} ${response.statusMessage ?? ''}`.trim(), 'status');
    }
    const type = response.headers['content-type'] ?? '';
    const kind = KINDS.find(([pattern]) => pattern.test(type))?.[1];
    if (!kind) {
      response.resume();
      throw new FetchError(`${current} is ${type || 'of no stated type'}: only web pages, PDF, Word (.docx) and plain text can be imported`, 'type');
    }
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      response.destroy();
      throw new FetchError(`${current} is ${declared} bytes: more than the ${maxBytes} an import reads`, 'size');
    }
    return { url: current, kind, data: await readBody(response, current, { maxBytes, idleMs, deadline, timeoutMs }) };
  }
}

/** Reads a body within the size limit, the deadline and the idle limit; an aborted body is an error. */
function readBody(response: IncomingMessage, url: string, limits: { maxBytes: number; idleMs: number; deadline: AbortSignal; timeoutMs: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: FetchError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      response.destroy();
      reject(error);
    };
    let idle = setTimeout(() => fail(new FetchError(`${url} stopped sending for ${limits.idleMs / 1000} s`, 'timeout')), limits.idleMs);
    response.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limits.maxBytes) return fail(new FetchError(`${url} is more than the ${limits.maxBytes} bytes an import reads`, 'size'));
      chunks.push(chunk);
      clearTimeout(idle);
      idle = setTimeout(() => fail(new FetchError(`${url} stopped sending for ${limits.idleMs / 1000} s`, 'timeout')), limits.idleMs);
    });
    response.on('end', () => {
      if (settled) return;
      if (!response.complete) return fail(new FetchError(`${url} ended before the whole body was sent`, 'network'));
      settled = true;
      clearTimeout(idle);
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    response.on('aborted', () => fail(new FetchError(`${url} ended before the whole body was sent`, 'network')));
    response.on('error', () => fail(limits.deadline.aborted ? new FetchError(`${url} did not finish within ${limits.timeoutMs / 1000} s`, 'timeout') : new FetchError(`${url} ended before the whole body was sent`, 'network')));
  });
}
