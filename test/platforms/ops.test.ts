import { describe, expect, test } from "vitest";
import { Metrics } from "../../src/ops/metrics.ts";
import { gaugeSources } from "../../src/ops/gauges.ts";
import { startOpsServer, startWebServer } from "../../src/ops/http.ts";
import { createWebHandler } from "../../src/web/handler.ts";
import { createFixture, numberIn, seedTree, tempDirs } from "../helpers.ts";

const freshDir = tempDirs("sentinel-ops-");

/** A metric's value in Prometheus text, or null when it has no such series. */
function valueOf(text: string, series: string): number | null {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  if (line === undefined) return null;
  const value = line.slice(series.length + 1);
  return value === "+Inf" ? Infinity : Number(value);
}

describe("the ops listener, apart from the web ledger's", () => {
  test("/healthz is 200 when the store answers and every platform is connected, else 503; /metrics is Prometheus text", async () => {
    const metrics = new Metrics();
    let store = true;
    const platforms = { telegram: true, wechat: true };
    const server = await startOpsServer(0, { store: async () => store, platforms: () => ({ ...platforms }) }, metrics);
    const { port, address } = server.address() as { port: number; address: string };
    const get = (p: string) => fetch(`http://127.0.0.1:${port}${p}`);
    try {
      // The loopback by default: nothing off this machine reaches it.
      expect(address).toBe("127.0.0.1");
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
      // Every place an error is counted has its series from the start, at 0.
      let text = await (await get("/metrics")).text();
      for (const where of ["scheduler", "backup", "send", "web"]) expect(valueOf(text, `sentinel_errors_total{where="${where}"}`)).toBe(0);
      metrics.updates.inc({ platform: "telegram" });
      metrics.reminders.inc({ outcome: "sent" }, 3);
      metrics.latency.observe({ platform: "telegram" }, 0.012);
      metrics.errors.inc({ where: "send" });
      text = await (await get("/metrics")).text();
      expect(text).toContain('sentinel_updates_total{platform="telegram"} 1');
      expect(text).toContain('sentinel_reminders_total{outcome="sent"} 3');
      expect(valueOf(text, 'sentinel_errors_total{where="send"}')).toBe(1);
      expect(text).toContain("sentinel_handle_seconds_bucket");
      expect((await get("/other")).status).toBe(404);
      expect((await get("/web")).status).toBe(404);
    } finally {
      server.close();
    }
  });

  test("the web port serves only the web ledger, counted in sentinel_web_requests_total; the ops port has the operator's gauges", async () => {
    const f = await createFixture({ dataDir: freshDir(), env: { SENTINEL_HTTP_PORT: "8080", SENTINEL_OPS_PORT: "9464" } });
    const metrics = new Metrics(gaugeSources(f.app.deps));
    const ops = await startOpsServer(0, { store: async () => true, platforms: () => ({}) }, metrics);
    const web = await startWebServer(0, createWebHandler(f.app.deps), metrics);
    const at = (s: typeof ops, p: string) => fetch(`http://127.0.0.1:${(s.address() as { port: number }).port}${p}`);
    const scrape = async () => (await at(ops, "/metrics")).text();
    try {
      let text = await scrape();
      expect(valueOf(text, "sentinel_hazards_open")).toBe(0);
      expect(valueOf(text, "sentinel_hazards_overdue")).toBe(0);
      expect(valueOf(text, "sentinel_backup_age_seconds")).toBe(Infinity);
      expect(valueOf(text, 'sentinel_web_requests_total{status="2xx"}')).toBe(0);

      // The operator's paths are not on the web port; the web ledger answers there and is counted.
      expect((await at(web, "/metrics")).status).toBe(404);
      expect((await at(web, "/healthz")).status).toBe(404);
      const page = await at(web, "/web/");
      expect(page.status).toBeLessThan(500);
      await page.text();
      text = await scrape();
      const counted = ["2xx", "3xx", "4xx", "5xx"].map((c) => valueOf(text, `sentinel_web_requests_total{status="${c}"}`)!);
      // Two 404s and the page, each in its class.
      expect(counted.reduce((x, y) => x + y)).toBe(3);
      expect(valueOf(text, 'sentinel_web_requests_total{status="4xx"}')).toBe(page.status >= 400 && page.status < 500 ? 3 : 2);

      await seedTree(f);
      const worker = f.chat.as("张三").in("车间群");
      const a = numberIn(await worker.say("报隐患 二号车间配电箱门未关"));
      const b = numberIn(await worker.say("报隐患 安全通道堆放杂物"));
      numberIn(await worker.say("报隐患 灭火器过期"));
      const li = f.chat.as("李主任").in("车间群");
      expect((await li.say(`确认 ${a} 一般 2026-11-20`)).join()).toContain("一般隐患");
      expect((await li.say(`不属实 ${b} 已核实无此情况`)).join()).toContain(b);
      text = await scrape();
      expect(valueOf(text, "sentinel_hazards_open")).toBe(2);
      expect(valueOf(text, "sentinel_hazards_overdue")).toBe(0);
      // Past its deadline: overdue, as 统计 counts it.
      f.clock.set("2026-11-25T02:00:00Z");
      text = await scrape();
      expect(valueOf(text, "sentinel_hazards_overdue")).toBe(1);
      expect((await li.say("统计")).join()).toContain("逾期 1");

      expect((await f.chat.as("admin").say("备份")).join()).toContain("已备份");
      f.clock.set("2026-11-25T03:00:00Z");
      const age = valueOf(await scrape(), "sentinel_backup_age_seconds")!;
      expect(Number.isFinite(age)).toBe(true);
      expect(age).toBe(3600);
    } finally {
      ops.close();
      web.close();
      await f.close();
    }
  });
});
