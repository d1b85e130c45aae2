import { describe, expect, test } from "vitest";
import { pino } from "pino";
import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { createFixture, seedTree } from "../helpers.ts";
import { Router } from "../../src/platforms/router.ts";
import { Metrics } from "../../src/ops/metrics.ts";
import { runDeadlineReminders } from "../../src/reminders/deadlines.ts";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../../src/core/messages.ts";

/** A platform that is down until told otherwise (WeChat before its QR code is scanned). */
class FlakyAdapter implements ChatAdapter {
  readonly platform = "console";
  up = false;
  readonly sent: OutgoingMessage[] = [];
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(m: OutgoingMessage): Promise<void> {
    if (!this.up) throw new Error("not logged in");
    this.sent.push(m);
  }
}

describe("the router", () => {
  test("a reminder the platform could not take is not marked sent: a later round sends it", async () => {
    const f = await createFixture({ now: "2026-11-13T01:05:00Z" });
    try {
      await f.chat.as("admin").say("新建单位 县应急管理局");
      await f.chat.as("admin").say("新建单位 城关化工厂 县应急管理局");
      await f.chat.as("admin").in("化工厂群").say("绑定 城关化工厂");
      const adapter = new FlakyAdapter();
      const metrics = new Metrics();
      const router = new Router([adapter], f.app.bot, pino({ level: "silent" }), metrics);
      expect(await runDeadlineReminders(f.app.deps, router.send)).toEqual({ sent: 0, skipped: 0 });
      adapter.up = true;
      f.clock.set("2026-11-13T01:15:00Z");
      expect(await runDeadlineReminders(f.app.deps, router.send)).toEqual({ sent: 1, skipped: 0 });
      expect(adapter.sent.map((m) => m.chatId)).toEqual(["化工厂群"]);
      // Every place has a series from start (at 0); the send failure is counted on its own.
      expect((await metrics.errors.get()).values.find((v) => v.labels.where === "send")).toMatchObject({ value: 1 });
    } finally {
      await f.close();
    }
  });

  test("a reply that cannot be delivered does not stop the next one", async () => {
    const f = await createFixture();
    try {
      let first = true;
      const sent: string[] = [];
      const adapter: ChatAdapter = {
        platform: "console",
        start: async () => {},
        stop: async () => {},
        send: async (m) => {
          if (first) {
            first = false;
            throw new Error("blocked");
          }
          sent.push(m.text);
        },
      };
      const router = new Router([adapter], f.app.bot, pino({ level: "silent" }), new Metrics());
      // /start answers with two messages (greeting and help): the first fails, the second still goes.
      await router.handle({ platform: "console", chatId: "dm:x", chatType: "private", messageId: "1", sender: { id: "x", name: "x" }, text: "/start", attachments: [] });
      expect(sent).toHaveLength(1);
    } finally {
      await f.close();
    }
  });

  test("/metrics counts only what the log records: the anonymous lane and group chatter are in neither", async () => {
    const f = await createFixture();
    try {
      await seedTree(f);
      await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
      const sent: OutgoingMessage[] = [];
      const adapter: ChatAdapter = { platform: "console", start: async () => {}, stop: async () => {}, send: async (m) => void sent.push(m) };
      const metrics = new Metrics();
      const router = new Router([adapter], f.app.bot, pino({ level: "silent" }), metrics);
      const total = async () => {
        const text = await metrics.registry.metrics();
        const sum = (name: string) =>
          [...text.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, "gm"))].reduce((n, m) => n + Number(m[1]), 0);
        return { updates: sum("sentinel_updates_total"), replies: sum("sentinel_replies_total"), timed: sum("sentinel_handle_seconds_count") };
      };
      const tipster = (text: string): IncomingMessage => ({
        platform: "console",
        chatId: "private-chat-999",
        chatType: "private",
        messageId: randomUUID(),
        sender: { id: "tipster-999", name: "某人" },
        text,
        attachments: [],
      });
      for (const text of ["我要举报", "1", "城关化工厂 仓库", "堆放易燃物", "完成", "匿名", "已保存"]) await router.handle(tipster(text));
      expect(sent.length).toBeGreaterThanOrEqual(7); // the tipster was answered
      // A tip posted in a group is the lane's too.
      await router.handle({ ...tipster("举报 偷排"), chatId: "车间群", chatType: "group" });
      // Group chatter: no reply, no log line.
      await router.handle({ ...tipster("今天天气不错"), chatId: "车间群", chatType: "group", sender: { id: "张三", name: "张三" } });
      expect(await total()).toEqual({ updates: 0, replies: 0, timed: 0 });
      // A normal-lane command, which the log records, is counted.
      await router.handle({ ...tipster("我的身份"), chatId: "车间群", chatType: "group", sender: { id: "张三", name: "张三" } });
      expect(await total()).toEqual({ updates: 1, replies: 1, timed: 1 });
    } finally {
      await f.close();
    }
  });

  test("an export's answer goes out at once, its file when written (from disk, removed after); counted once", async () => {
    const f = await createFixture();
    try {
      await seedTree(f);
      await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关");
      const sent: { text: string; file: string | null; bytes: number }[] = [];
      const adapter: ChatAdapter = {
        platform: "console",
        start: async () => {},
        stop: async () => {},
        send: async (m) => void sent.push({ text: m.text, file: m.file?.path ?? null, bytes: m.file?.path ? statSync(m.file.path).size : 0 }),
      };
      const metrics = new Metrics();
      const router = new Router([adapter], f.app.bot, pino({ level: "silent" }), metrics);
      await router.handle({ platform: "console", chatId: "车间群", chatType: "group", messageId: randomUUID(), sender: { id: "李主任", name: "李主任" }, text: "导出台账", attachments: [] });
      expect(sent.map((s) => s.text)).toEqual([expect.stringContaining("正在生成"), "“城关化工厂”隐患台账（全部期间）：共 1 条。"]);
      expect(sent[1]!.bytes).toBeGreaterThan(1000);
      expect(existsSync(sent[1]!.file!)).toBe(false);
      expect(await metrics.updates.get()).toMatchObject({ values: [{ value: 1 }] });
    } finally {
      await f.close();
    }
  });
});
