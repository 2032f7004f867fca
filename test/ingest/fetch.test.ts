import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostsOf, FetchError, fetchDocument, isPrivateAddress } from '../../src/ingest/fetch.js';

const PAGE = '<!doctype html><html><body><p>内部页面:机密</p></body></html>';

/** A server on one loopback address; each path answers as its name says. */
async function serve(host: string): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const to = /^\/to\/(.+)$/.exec(request.url ?? '');
    if (to) return response.writeHead(302, { location: decodeURIComponent(to[1]!) }).end();
    const chain = /^\/chain\/(\d+)$/.exec(request.url ?? '');
    if (chain) return response.writeHead(302, { location: Number(chain[1]) > 0 ? `/chain/${Number(chain[1]) - 1}` : '/secret' }).end();
    if (request.url === '/cut') {
      // promises 1,000 bytes and hangs up after a few
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      response.write('<p>半截');
      setTimeout(() => response.socket?.destroy(), 50);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}`, hits };
}

let one: Awaited<ReturnType<typeof serve>>;
let two: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  one = await serve('127.0.0.1');
  two = await serve('127.0.0.2');
});

afterAll(() => {
  for (const { server } of [one, two]) {
    server.closeAllConnections();
    server.close();
  }
});

const refusal = (url: string, options: Parameters<typeof fetchDocument>[1] = {}) => fetchDocument(url, options).then(() => null, (error: unknown) => error as FetchError);

describe('fetching a user\'s address', () => {
  it('GIVEN addresses inside the network THEN each is recognized, and public ones are not', () => {
    for (const inside of ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.255', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', '::', '::1', 'fd00::1', 'fc12:3456::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1']) {
      expect(isPrivateAddress(inside), inside).toBe(true);
    }
    for (const outside of ['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.1', '172.32.0.1', '11.0.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(outside), outside).toBe(false);
    }
  });

  it('GIVEN loopback written every way (127.0.0.1, localhost, [::1], 2130706433, 0x7f.1) THEN each is refused before any request is made', async () => {
    const port = new URL(one.base).port;
    const before = one.hits.length;
    for (const url of [`http://127.0.0.1:${port}/secret`, `http://localhost:${port}/secret`, `http://[::1]:${port}/secret`, `http://2130706433:${port}/secret`, `http://0x7f.1:${port}/secret`, `http://[::ffff:127.0.0.1]:${port}/secret`]) {
      const error = await refusal(url);
      expect(error, url).toBeInstanceOf(FetchError);
      expect(error?.code, url).toBe('refused');
    }
    expect(one.hits.length).toBe(before);
  });

  it('GIVEN a trusted host that redirects inside THEN the redirect hop is checked too and refused', async () => {
    const port = new URL(one.base).port;
    const error = await refusal(`${two.base}/to/${encodeURIComponent(`http://127.0.0.1:${port}/secret`)}`, { allowedHosts: allowedHostsOf('127.0.0.2') });
    expect(error?.code).toBe('refused');
    expect(one.hits).not.toContain('/secret');
  });

  it('GIVEN IMPORT_ALLOWED_HOSTS naming the host THEN its page is fetched, private address and all', async () => {
    const fetched = await fetchDocument(`${one.base}/page`, { allowedHosts: allowedHostsOf('127.0.0.1') });
    expect(fetched.kind).toBe('html');
    expect(new TextDecoder().decode(fetched.data)).toContain('内部页面');
  });

  it('GIVEN more than five redirects, or a scheme other than http(s) THEN it is refused', async () => {
    const trusted = { allowedHosts: allowedHostsOf('127.0.0.1') };
    expect((await fetchDocument(`${one.base}/chain/4`, trusted)).kind).toBe('html');
    expect((await refusal(`${one.base}/chain/5`, trusted))?.code).toBe('redirects');
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'gopher://127.0.0.1:70/', `${one.base.replace('http', 'ws')}/`]) expect((await refusal(url, trusted))?.code, url).toBe('scheme');
    expect((await refusal(`${one.base}/to/${encodeURIComponent('file:///etc/passwd')}`, trusted))?.code).toBe('scheme');
  });

  it('GIVEN a body cut off before its declared length THEN a clear error, not a half page', async () => {
    const error = await refusal(`${one.base}/cut`, { allowedHosts: allowedHostsOf('127.0.0.1') });
    expect(error).toBeInstanceOf(FetchError);
    expect(error?.message).toMatch(/ended before the whole body was sent/);
  });
});
