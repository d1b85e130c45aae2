import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createFixture, numberIn, receiptCodeIn, seedTree, tipNumberIn, type Fixture, tempDirs } from "./helpers.ts";
import { takeBackup } from "../src/core/features/backup.ts";
import type { RowCounts } from "../src/store/index.ts";
import { ConsoleProcess } from "./platforms/console/process.ts";

/**
 * The drill the issue asks for: while reports arrive, take a snapshot; restore it into a new folder with
 * `npm run restore`'s entry point; start the bot on it; everything committed before the snapshot is there.
 * Then the refusals of the same command: a damaged file, another secret, a folder in use.
 * Each restore is a real process (tsx start-up included); the timeouts are guards for a busy machine, not measures.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const freshDir = tempDirs("sentinel-drill-");

/** `npm run restore -- …args` with DATA_DIR and any other settings in `env`; its exit code and everything it printed. */
function restore(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/restore.ts", ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

const counts = (f: Fixture): Promise<RowCounts> => f.app.store.transaction((repo) => repo.counts());

let live: string;
let backup: string;
let before: { acked: string[]; counts: RowCounts; tip: { number: string; code: string }; rewards: string; deadlines: string };
let after: RowCounts;
let filed: string[];

beforeAll(async () => {
  live = freshDir();
  const f = await createFixture({ dataDir: live, now: "2026-11-10T02:00:00Z" });
  try {
    await seedTree(f);
    const admin = f.chat.as("admin");
    await admin.in("县局群").say("授权 举报处理人 王局长");
    // A tip, with a question from the handler and the tipster's answer.
    const t = f.chat.as("小王");
    for (const line of ["举报", "1", "城关化工厂 三号仓库", "夜里偷偷储存大量液氨，没有报警装置", "跳过"]) await t.say(line);
    const tipFiled = await t.say("匿名");
    const tip = { number: tipNumberIn(tipFiled), code: receiptCodeIn(tipFiled) };
    await t.say("已保存");
    await f.chat.as("王局长").say(`举报追问 ${tip.number} 储罐有多大？`);
    await t.say(`举报补充 ${tip.code} 大约十吨`);
    // A one-off obligation and a submission; a confirmed hazard with its reward in the ledger.
    await f.chat.as("王局长").in("县局群").say("报送事项 2026-12-15 贯彻落实情况");
    await f.chat.as("李主任").in("车间群").say("已报送 月报");
    const first = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 三号仓库安全出口被货物堵塞"));
    await f.chat.as("李主任").in("车间群").say(`确认 ${first} 重大`);
    const rewards = (await f.chat.as("张三").say("我的奖励")).join("\n");
    const deadlines = (await f.chat.as("王局长").in("县局群").say("报送情况")).join("\n");

    // Reports keep arriving from two people while the snapshot is taken.
    filed = [first];
    let snapshotAt: string[] | null = null;
    const stream = async (who: string, n: number) => {
      for (let i = 0; i < n; i++) {
        filed.push(numberIn(await f.chat.as(who).in("车间群").say(`报隐患 ${who}发现的第${i + 1}处隐患：消防通道堵塞`)));
      }
    };
    const reports = Promise.all([stream("张三", 20), stream("李主任", 20)]);
    while (filed.length < 10) await new Promise((r) => setTimeout(r, 5));
    snapshotAt = [...filed];
    const snapshotCounts = await counts(f);
    ({ file: backup } = await takeBackup(f.app.deps, "admin"));
    await reports;
    after = await counts(f);
    before = { acked: snapshotAt, counts: snapshotCounts, tip, rewards, deadlines };
  } finally {
    await f.close();
  }
}, 600_000);

describe("the backup drill", { timeout: 600_000 }, () => {
  test("a snapshot taken while reports arrive, restored into a new folder, starts with everything committed before it", async () => {
    expect(after.Hazard).toBe(41);
    const target = path.join(freshDir(), "restored");
    // The secret is kept apart from the backup and handed to the restore.
    const { code, out } = await restore([backup, "--secret", path.join(live, "secret.key")], { DATA_DIR: target });
    expect(out).toContain("已恢复到");
    expect(code).toBe(0);
    expect(readdirSync(target).sort()).toEqual(["pglite", "secret.key"]);

    const f = await createFixture({ dataDir: target, now: "2026-11-10T03:00:00Z" });
    try {
      const restored = await counts(f);
      // What did not change while reports arrived is all there, counts equal.
      for (const table of ["Unit", "Tip", "TipEvent", "Obligation", "Submission", "RewardEntry"] as const) {
        expect(restored[table], table).toBe(after[table]);
      }
      // Every report answered before the snapshot is there; those after it may or may not be, but whole:
      // the restored hazards are exactly the first k filed, each with its event.
      expect(restored.Hazard).toBeGreaterThanOrEqual(before.acked.length);
      expect(restored.Hazard).toBeGreaterThanOrEqual(before.counts.Hazard);
      expect(restored.Hazard).toBeLessThanOrEqual(after.Hazard);
      expect(restored.HazardEvent - restored.Hazard).toBe(after.HazardEvent - after.Hazard);
      const official = f.chat.as("李主任").in("车间群");
      const numbers = [...filed].sort();
      for (const [i, n] of numbers.entries()) {
        const [reply] = await official.say(`查询 ${n}`);
        const present = !reply!.includes("找不到");
        expect(present, `${n}: ${reply}`).toBe(i < restored.Hazard);
        if (before.acked.includes(n)) expect(present, n).toBe(true);
      }
      // A tip still opens with its receipt code, and its handler still reads it (the same secret).
      const status = (await f.chat.as("小王").say(`举报查询 ${before.tip.code}`)).join("\n");
      expect(status).toContain(before.tip.number);
      expect(status).toContain("大约十吨");
      expect((await f.chat.as("王局长").say(`查看举报 ${before.tip.number}`)).join("\n")).toContain("液氨");
      // The ledger and the obligations read as they did.
      expect((await f.chat.as("张三").say("我的奖励")).join("\n")).toBe(before.rewards);
      expect((await f.chat.as("王局长").in("县局群").say("报送情况")).join("\n")).toBe(before.deadlines);
      // And the bot works on, never handing out a number again: a new report gets a later one. (Not always the next:
      // PostgreSQL logs sequences 32 values ahead, so a database opened from a snapshot, as after a crash, skips some.)
      const next = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 恢复后的第一条"));
      expect(next > numbers[restored.Hazard - 1]!, next).toBe(true);
    } finally {
      await f.close();
    }
  });

  test("a damaged file (truncated, a flipped byte) is refused with a clear message, and nothing is written", async () => {
    const bytes = readFileSync(backup);
    const dir = freshDir();
    const truncated = path.join(dir, "truncated.sentinel-backup");
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = path.join(dir, "flipped.sentinel-backup");
    const copy = Buffer.from(bytes);
    copy[copy.length - 1000] = copy[copy.length - 1000]! ^ 0x10;
    writeFileSync(flipped, copy);
    const secret = ["--secret", path.join(live, "secret.key")];

    const a = await restore([truncated, ...secret], { DATA_DIR: path.join(dir, "a") });
    expect(a.out).toContain("备份文件不完整");
    expect(a.out).toContain("没有写入任何内容");
    expect(a.code).toBe(1);
    const b = await restore([flipped, ...secret], { DATA_DIR: path.join(dir, "b"), SENTINEL_LANG: "en" });
    expect(b.out).toContain("The backup is damaged");
    expect(b.code).toBe(1);
    expect(existsSync(path.join(dir, "a"))).toBe(false);
    expect(existsSync(path.join(dir, "b"))).toBe(false);
  });

  test("another secret, no secret, or a folder holding data: refused before anything is written", async () => {
    const dir = freshDir();
    const wrong = await restore([backup], { DATA_DIR: path.join(dir, "w"), SENTINEL_SECRET: "x".repeat(40) });
    expect(wrong.out).toContain("另一个服务器密钥");
    expect(wrong.code).toBe(1);
    expect(existsSync(path.join(dir, "w"))).toBe(false);

    const none = await restore([backup], { DATA_DIR: path.join(dir, "n") });
    expect(none.out).toContain("没有服务器密钥");
    expect(none.code).toBe(1);

    // The secret put in the folder beforehand is found there; anything else in it stops the restore.
    const busy = path.join(dir, "busy");
    mkdirSync(busy);
    copyFileSync(path.join(live, "secret.key"), path.join(busy, "secret.key"));
    writeFileSync(path.join(busy, "sentinel.log"), "");
    const inUse = await restore([backup], { DATA_DIR: busy });
    expect(inUse.out).toContain("不是空目录");
    expect(inUse.code).toBe(1);
    expect(readdirSync(busy).sort()).toEqual(["secret.key", "sentinel.log"]);
    rmSync(path.join(busy, "sentinel.log"));
    const ok = await restore([backup], { DATA_DIR: busy });
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/隐患 \d+（处理记录 \d+），举报 1（记录 \d+）/);

    // `npm start` on the restored folder: the console bot answers from it.
    const bot = new ConsoleProcess({ DATA_DIR: busy, SENTINEL_ADMINS: "console:admin" });
    await bot.waitFor(/admin> $/m, 180_000);
    expect(await bot.ask(`查询 ${filed[0]}`, /admin> $/m)).toContain("三号仓库安全出口被货物堵塞");
    bot.say("/quit");
    expect(await bot.exited).toBe(0);
  });
});

describe("photos travel with the backups", { timeout: 600_000 }, () => {
  test("the nightly copy mirrors the file store beside the backups; a restore brings the photos back", async () => {
    const { bytesAttachment, consolePhoto, toIncoming } = await import("../src/platforms/console/chat.ts");
    const live = freshDir();
    const f = await createFixture({ dataDir: live });
    await seedTree(f);
    const data = consolePhoto(5);
    const w = f.chat.as("张三").in("车间群");
    const number = numberIn((await f.chat.deliver(toIncoming(w.name, w.room, "报隐患 配电房门锁损坏", { attachments: [bytesAttachment("photo", data)] }))).map((o) => o.text));
    const { file } = await takeBackup(f.app.deps, "admin");
    await f.close();
    expect(readdirSync(path.join(path.dirname(file), "files"))).toHaveLength(1);
    const target = freshDir();
    const { code, out } = await restore([file, "--secret", path.join(live, "secret.key")], { DATA_DIR: target });
    expect(out).toContain("恢复了 1 个文件");
    expect(code).toBe(0);
    const g = await createFixture({ dataDir: target });
    try {
      await g.chat.as("张三").in("车间群").say(`照片 ${number}`);
      const sent = g.chat.sent.get("车间群")!.at(-1)!;
      expect(Buffer.from(sent.file!.data!).equals(Buffer.from(data))).toBe(true);
    } finally {
      await g.close();
    }
  });
});
