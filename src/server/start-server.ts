import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  /** Stop accepting connections, end open ones, and resolve when closed. */
  close(): Promise<void>;
}

/**
 * Listen with `@hono/node-server` and resolve once listening; rejects when the port cannot be
 * bound (`EADDRINUSE`, `EACCES`). `host` defaults to `127.0.0.1`: a preview server is local unless
 * asked otherwise.
 *
 * @example
 * const { url, close } = await startServer(createApp({ siteDir }), 0);
 */
export function startServer(app: Hono, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      server.off('error', reject);
      const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
