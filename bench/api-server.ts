/**
 * Child process of `bench/api.ts`: serves a built site with `createApp` (the rate limiter on, with
 * a limit the benchmark never reaches, so its cost is measured) and reports its memory on request.
 */
import { createApp, startServer } from '../src/server/index.js';

const siteDir = process.argv[2];
if (siteDir === undefined || process.send === undefined) throw new Error('bench/api-server.ts: run by bench/api.ts with the site folder');
const server = await startServer(createApp({ siteDir, api: { rateLimit: { windowMs: 60_000, limit: 1_000_000_000 } } }), 0);
process.send({ type: 'listening', url: server.url });
process.on('message', (m: { type?: string }) => {
  if (m.type === 'memory') {
    const u = process.memoryUsage();
    process.send!({ type: 'memory', rss: u.rss, heapUsed: u.heapUsed, external: u.external });
  } else if (m.type === 'gc') {
    globalThis.gc?.();
    process.send!({ type: 'gc' });
  } else if (m.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
