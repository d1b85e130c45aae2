import { describe, expect, test } from "vitest";
import { Metrics } from "../../src/ops/metrics.ts";
import { startOpsServer } from "../../src/ops/http.ts";

describe("the health and metrics endpoint", () => {
  test("/healthz is 200 when the store answers and every platform is connected, else 503; /metrics is Prometheus text", async () => {
    const metrics = new Metrics();
    let store = true;
    const platforms = { telegram: true, wechat: true };
    const server = await startOpsServer(0, { store: async () => store, platforms: () => ({ ...platforms }) }, metrics);
    const { port } = server.address() as { port: number };
    const get = (p: string) => fetch(`http://127.0.0.1:${port}${p}`);
    try {
      let res = await get("/healthz");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, store: true, platforms });
      platforms.wechat = false;
      expect((await get("/healthz")).status).toBe(503);
      platforms.wechat = true;
      store = false;
      res = await get("/healthz");
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ store: false });
      metrics.updates.inc({ platform: "telegram" });
      metrics.reminders.inc({ outcome: "sent" }, 3);
      metrics.latency.observe({ platform: "telegram" }, 0.012);
      const text = await (await get("/metrics")).text();
      expect(text).toContain('sentinel_updates_total{platform="telegram"} 1');
      expect(text).toContain('sentinel_reminders_total{outcome="sent"} 3');
      expect(text).toContain("sentinel_handle_seconds_bucket");
      expect((await get("/other")).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
