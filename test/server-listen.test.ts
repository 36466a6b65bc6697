import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { createApp, startServer, type RunningServer } from '../src/server/index.js';
import { makeSite, SECRET, type TestSite } from './server-site.js';

let site: TestSite;
let server: RunningServer;

before(async () => {
  site = await makeSite();
  server = await startServer(createApp({ siteDir: site.siteDir }), 0, '127.0.0.1');
});
after(async () => {
  await server.close();
  await site.remove();
});

test('a real server on 127.0.0.1:0 serves / and closes', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(server.url + '/');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(await res.text(), /<h1>Formulary<\/h1>/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});

test('a busy port rejects', async () => {
  const port = Number(new URL(server.url).port);
  await assert.rejects(startServer(createApp({ siteDir: site.siteDir }), port, '127.0.0.1'), /EADDRINUSE/);
});

/** Send a request line exactly as written (no client-side URL normalization). */
function rawGet(target: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

for (const target of [
  '/../secret.txt',
  '/../../etc/passwd',
  '/..%2fsecret.txt',
  '/%2e%2e/secret.txt',
  '/..\\secret.txt',
  '/assets/../../package.json',
  '/%00',
  '/search/%c0%ae%c0%ae/',
  '/leak.txt',
]) {
  test(`raw request line ${JSON.stringify(target)} → 400 or 404`, async () => {
    const response = await rawGet(target);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
    assert.ok(status === 400 || status === 404, `status ${status}`);
    assert.ok(!response.includes(SECRET), 'secret leaked');
  });
}

/** Send raw bytes and read the whole answer (the connection is closed by `Connection: close`). */
function rawRequest(head: string, body: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${head}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n${body}`));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

test('a GET to the API with a body over the limit is 413 (Content-Length or chunked): refused from the headers, without reading it', async () => {
  const sized = await rawRequest(`GET /api/v1/drugs HTTP/1.1\r\nContent-Length: 5000`, 'x'.repeat(5000));
  assert.match(sized, /^HTTP\/1\.1 413 /);
  const chunk = 'x'.repeat(3000);
  const chunked = await rawRequest(`GET /api/v1/drugs HTTP/1.1\r\nTransfer-Encoding: chunked`, `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
  assert.match(chunked, /^HTTP\/1\.1 413 /);
});

test('API answers on a real socket carry the CORS and security headers, errors included', async () => {
  for (const path of ['/api/openapi.json', '/api/v1/drugs/no-such-drug.json']) {
    const res = await fetch(server.url + path, { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/, path);
    await res.body?.cancel();
  }
});
