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
