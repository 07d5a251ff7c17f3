// The HTTP server: Yoga on node:http, with graceful shutdown. An embedded database is closed cleanly
// on SIGINT/SIGTERM; if the process is killed instead, PGlite still reopens with every committed row.
import { createServer, type Server } from 'node:http';
import type { App } from './app.js';
import type { Logger } from './log.js';

export interface RunningServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** loopback by default: behind a reverse proxy on another host set HOST=0.0.0.0 (README Production mode) */
export async function listen(app: App, port: number, logger: Logger, host = '127.0.0.1'): Promise<RunningServer> {
  const server = createServer(app.yoga);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${actualPort}/graphql`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info({ msg: 'shutting down: no new connections, finishing requests in flight' });
      app.drain();
      // stop accepting, let in-flight requests finish (bounded), then close the database
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // ends the open subscriptions (their SSE streams complete, so those connections close) and LISTEN
      await app.live.hub.stop();
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(timer);
      await app.jobs.stop();
      await app.db.close();
      logger.info({ msg: 'stopped cleanly' });
    })());
  return { server, url, stop };
}
