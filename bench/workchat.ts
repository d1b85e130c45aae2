/**
 * Reminder rounds on the work-chat platforms (issue 26): a county of N enterprises, each with its group on the
 * platform, through the real adapter and SDK to the local emulation, at the adapter's own send limits. The anchor is
 * the ideal at the platform's overall rate; the round must also never put more sends in any window than the limit.
 */
import { pino } from "pino";
import { runDeadlineReminders } from "../src/reminders/deadlines.ts";
import { Router } from "../src/platforms/router.ts";
import type { ChatAdapter } from "../src/core/messages.ts";
import type { SendLimits } from "../src/platforms/pacer.ts";
import { WECOM_LIMITS, WecomAdapter } from "../src/platforms/wecom/adapter.ts";
import { DINGTALK_LIMITS, DingtalkAdapter } from "../src/platforms/dingtalk/adapter.ts";
import { FEISHU_LIMITS, FeishuAdapter } from "../src/platforms/feishu/adapter.ts";
import { WecomEmulator } from "../test/support/wecom-emulator.ts";
import { DingtalkEmulator } from "../test/support/dingtalk-emulator.ts";
import { FeishuEmulator } from "../test/support/feishu-emulator.ts";
import { county } from "./reminders.ts";
import type { BenchOptions, BenchRow } from "./row.ts";

const SILENT = pino({ level: "silent" });

interface Rig {
  emulator: { start(): Promise<void>; stop(): Promise<void>; times: number[]; online: boolean };
  adapter(): ChatAdapter & { connected: boolean };
  chat: string;
  limits: SendLimits;
}

const RIGS: Record<string, () => Rig> = {
  WeCom: () => {
    const e = new WecomEmulator();
    return { emulator: e, adapter: () => new WecomAdapter({ botId: e.botId, secret: e.secret, wsUrl: e.wsUrl, log: SILENT }), chat: "'wrgroup' || g", limits: WECOM_LIMITS };
  },
  DingTalk: () => {
    const e = new DingtalkEmulator();
    return { emulator: e, adapter: () => new DingtalkAdapter({ clientId: e.clientId, clientSecret: e.clientSecret, apiUrl: e.url, oapiUrl: e.url, log: SILENT }), chat: "'cidgroup' || g", limits: DINGTALK_LIMITS };
  },
  Feishu: () => {
    const e = new FeishuEmulator();
    return { emulator: e, adapter: () => new FeishuAdapter({ appId: e.appId, appSecret: e.appSecret, domain: e.url, log: SILENT }), chat: "'oc_group' || g", limits: FEISHU_LIMITS };
  },
};

/** The most sends any window of `ms` held. */
function busiest(times: number[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export async function workchatBench(opts: BenchOptions): Promise<BenchRow[]> {
  const n = opts.quick ? 300 : 1000;
  const rows: BenchRow[] = [];
  for (const [name, make] of Object.entries(RIGS)) {
    const rig = make();
    const platform = name.toLowerCase();
    await rig.emulator.start();
    const { app } = await county(n, platform, rig.chat);
    const adapter = rig.adapter();
    const running = adapter.start(async () => {});
    try {
      while (!adapter.connected || !rig.emulator.online) await new Promise((r) => setTimeout(r, 20));
      const router = new Router([adapter], app.bot, SILENT);
      const t0 = performance.now();
      const r = await runDeadlineReminders(app.deps, router.send);
      const elapsed = performance.now() - t0;
      if (r.sent !== n || rig.emulator.times.length !== n) throw new Error(`${name} round: ${r.sent} sent, ${rig.emulator.times.length} received of ${n}`);
      // The ideal: the first window's worth at once, the rest at the binding rate (the slowest of the overall windows).
      const rate = Math.min(...rig.limits.overall.map((w) => (n <= w.count ? Infinity : w.count / w.ms)));
      const first = Math.min(...rig.limits.overall.map((w) => w.count));
      const ideal = (n - first) / rate;
      const within = rig.limits.overall.every((w) => busiest(rig.emulator.times, w.ms) <= w.count);
      const limits = rig.limits.overall.map((w) => `${w.count}/${w.ms / 1000} s`).join(", ");
      rows.push({
        what: `reminder round, ${n} chats, ${name} (emulator, ${limits})`,
        goal: "≤ 1.05× ideal, never over the limit",
        anchor: `${(ideal / 1000).toFixed(1)} s ideal`,
        measured: `${(elapsed / 1000).toFixed(1)} s; busiest ${rig.limits.overall.map((w) => `${busiest(rig.emulator.times, w.ms)}/${w.ms / 1000} s`).join(", ")}`,
        ratio: elapsed / ideal,
        ok: elapsed / ideal <= 1.05 && within,
      });
    } finally {
      await adapter.stop();
      await running;
      await rig.emulator.stop();
      await app.close();
    }
  }
  return rows;
}
