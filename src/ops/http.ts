import { createServer, type Server } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics.ts";

export interface Health {
  /** Whether the store answers. */
  store(): Promise<boolean>;
  /** Each platform and whether it is connected. */
  platforms(): Record<string, boolean>;
}

/**
 * `/healthz` (200 when the store answers and every platform is connected, else 503, with the details as JSON),
 * `/metrics` (Prometheus) and, given `web`, the web ledger under `/web` (src/web/). Off unless `SENTINEL_HTTP_PORT` is set.
 */
export async function startOpsServer(
  port: number,
  health: Health,
  metrics: Metrics,
  web?: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === "/healthz") {
        const store = await health.store().catch(() => false);
        const platforms = health.platforms();
        const ok = store && Object.values(platforms).every(Boolean);
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, store, platforms }));
      } else if (req.url === "/metrics") {
        res.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
      } else if (web && /^\/web(?:[/?]|$)/.test(req.url ?? "")) {
        await web(req, res);
      } else {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}
