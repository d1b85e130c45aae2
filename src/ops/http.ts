import { createServer, type Server } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics.ts";

export interface Health {
  /** Whether the store answers. */
  store(): Promise<boolean>;
  /** Each platform and whether it is connected. */
  platforms(): Record<string, boolean>;
}

function listen(server: Server, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/**
 * The operator's listener: `/healthz` (200 when the store answers and every platform is connected, else 503, with the
 * details as JSON) and `/metrics` (Prometheus), nothing else. On `SENTINEL_OPS_PORT`, the loopback interface unless
 * `SENTINEL_OPS_HOST` says otherwise: apart from the web ledger's port, so a reverse proxy in front of the ledger
 * never makes the metrics public.
 */
export async function startOpsServer(port: number, health: Health, metrics: Metrics, host = "127.0.0.1"): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === "/healthz") {
        const store = await health.store().catch(() => false);
        const platforms = health.platforms();
        const ok = store && Object.values(platforms).every(Boolean);
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, store, platforms }));
      } else if (req.url === "/metrics") {
        res.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
      } else {
        res.writeHead(404).end();
      }
    })();
  });
  return listen(server, port, host);
}

/**
 * The web ledger's listener (`SENTINEL_HTTP_PORT`): `/web…` only (src/web/), every other path 404; each answered
 * request is counted by its status class when the metrics are on.
 */
export async function startWebServer(
  port: number,
  web: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  metrics?: Metrics,
): Promise<Server> {
  const server = createServer((req, res) => {
    res.on("finish", () => metrics?.webRequests.inc({ status: `${Math.floor(res.statusCode / 100)}xx` }));
    void (async () => {
      if (/^\/web(?:[/?]|$)/.test(req.url ?? "")) {
        await web(req, res).catch(() => {
          metrics?.errors.inc({ where: "web" });
          if (!res.headersSent) res.writeHead(500).end();
        });
      } else {
        res.writeHead(404).end();
      }
    })();
  });
  return listen(server, port, undefined);
}
