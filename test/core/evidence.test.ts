import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { closeUntrue, createFixture, fileTip, numberIn, seedTree, tipNumberIn, type Fixture } from "../helpers.ts";
import { bytesAttachment, consolePhoto, toIncoming, type ConsoleSpeaker } from "../../src/platforms/console/chat.ts";
import { blobKey, FileBlobs } from "../../src/store/blobs.ts";
import { sniff } from "../../src/core/files.ts";
import { runTipMaintenance } from "../../src/reminders/tips.ts";
import type { Attachment, OutgoingMessage } from "../../src/core/messages.ts";

let f: Fixture;
let dirs: string[] = [];
afterEach(async () => {
  await f?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A person sends text with files, as the console (and every adapter) does: bytes behind `fetch`. */
function send(who: ConsoleSpeaker, text: string, files: Attachment[]): Promise<OutgoingMessage[]> {
  return f.chat.deliver(toIncoming(who.name, who.room, text, { attachments: files }));
}
const photo = (n: number) => {
  const data = consolePhoto(n);
  return { data, attachment: bytesAttachment("photo", data) };
};
type RawTx = { $queryRaw<T>(q: TemplateStringsArray, ...v: unknown[]): Promise<T> };
const raw = (repo: unknown): RawTx => (repo as { tx: RawTx }).tx;
const texts = (out: OutgoingMessage[]) => out.map((o) => o.text);

async function hazardRow(number: string) {
  const id = Number(number.slice(-6));
  const [h] = await f.app.store.read((repo) => raw(repo).$queryRaw<{ attachments: string[] }[]>`SELECT attachments FROM "Hazard" WHERE id = ${id}`);
  return h!;
}

async function reportMajor(): Promise<string> {
  const p = photo(1);
  const out = await send(f.chat.as("张三").in("车间群"), "报隐患 液氨储罐区报警器失灵 地点:三号库", [p.attachment]);
  const number = numberIn(texts(out));
  await f.chat.as("李主任").in("车间群").say(`确认 ${number} 重大`);
  await f.chat.as("李主任").in("车间群").say(`整改方案 ${number} 责任人:李主任 措施:更换报警器 资金:2万元 期限:2026-12-20 预案:人工巡检`);
  return number;
}

describe("files the bot keeps", () => {
  test("a report's photo is downloaded and kept by its content; the hazard names it by key", async () => {
    f = await createFixture();
    await seedTree(f);
    const p = photo(7);
    const out = await send(f.chat.as("张三").in("车间群"), "报隐患 消防通道堆放杂物", [p.attachment]);
    const number = numberIn(texts(out));
    const h = await hazardRow(number);
    expect(h.attachments).toEqual([blobKey(p.data)]);
    expect(await f.app.deps.blobs.get(blobKey(p.data))).toEqual(p.data);
    expect(sniff(p.data)?.mime).toBe("image/png");
  });

  test("a file too large, of a kind not kept, or that cannot be downloaded is refused with the reason; nothing is filed", async () => {
    f = await createFixture({ env: { SENTINEL_FILE_MAX_MB: "1" } });
    await seedTree(f);
    const w = f.chat.as("张三").in("车间群");
    let fetched = false;
    const big: Attachment = { kind: "photo", ref: "big", size: 3 * 1024 * 1024, fetch: async () => ((fetched = true), new Uint8Array(10)) };
    expect(texts(await send(w, "报隐患 配电箱未锁", [big]))).toEqual([expect.stringContaining("超过 1 MB")]);
    expect(fetched).toBe(false); // the size the platform told was enough
    // A platform that did not tell the size: the bytes are counted.
    const jpegHead = new Uint8Array(2 * 1024 * 1024);
    jpegHead.set([0xff, 0xd8, 0xff]);
    expect(texts(await send(w, "报隐患 配电箱未锁", [{ kind: "photo", ref: "big2", fetch: async () => jpegHead }]))).toEqual([expect.stringContaining("超过 1 MB")]);
    const exe = bytesAttachment("document", new TextEncoder().encode("\x7fELF not a photo"), "setup.jpg");
    expect(texts(await send(w, "报隐患 配电箱未锁", [exe]))).toEqual([expect.stringContaining("不是可以保存的类型")]);
    const broken: Attachment = { kind: "photo", ref: "gone", fetch: async () => Promise.reject(new Error("404 from platform")) };
    expect(texts(await send(w, "报隐患 配电箱未锁", [broken]))).toEqual([expect.stringContaining("没能从平台下载")]);
    expect(await w.say("我的隐患")).toEqual([expect.stringContaining("还没有")]);
    // The same message sent again, downloadable this time, is filed (the refusal claimed nothing).
    const msg = toIncoming(w.name, w.room, "报隐患 配电箱未锁", { attachments: [broken] });
    await f.chat.deliver(msg);
    const again = { ...msg, attachments: [photo(2).attachment] };
    expect(texts(await f.chat.deliver(again)).join()).toMatch(/YH-2026-\d{6}/);
  });

  test("a redelivered photo is kept once", async () => {
    f = await createFixture();
    await seedTree(f);
    const p = photo(3);
    const w = f.chat.as("张三").in("车间群");
    const msg = toIncoming(w.name, w.room, "报隐患 楼梯扶手松动", { attachments: [p.attachment] });
    await f.chat.deliver(msg);
    expect(await f.chat.deliver(msg)).toEqual([]);
    const blobs = f.app.deps.blobs as FileBlobs;
    const files = readdirSync(blobs.dir, { recursive: true }).filter((n) => String(n).length > 10);
    expect(files).toHaveLength(1);
  });
});

describe("before and after", () => {
  test("a major hazard's 已整改 waits for the photo of the fixed state; 查询 counts each step's photos; 照片 sends them back", async () => {
    f = await createFixture();
    await seedTree(f);
    const number = await reportMajor();
    const m = f.chat.as("李主任").in("车间群");
    expect(await m.say(`已整改 ${number}`)).toEqual([expect.stringContaining("须附整改后的照片")]);
    expect(await m.say("换好了")).toEqual([expect.stringContaining("正在等待")]);
    const [status] = await m.say(`查询 ${number}`);
    expect(status).toContain("整改中");
    const after1 = photo(11);
    const after2 = photo(12);
    const done = texts(await send(m, "", [after1.attachment, after2.attachment]));
    expect(done.join("\n")).toContain("申请销号");
    expect(done.join("\n")).toContain("整改后照片 2 张");
    const [after] = await m.say(`查询 ${number}`);
    expect(after).toContain("报告照片：1 张");
    expect(after).toMatch(/已整改（李主任）[^\n]*（照片 2 张）/);
    const back = await f.chat.deliver(toIncoming("张三", f.chat.as("张三").in("车间群").room, `照片 ${number}`));
    expect(back.map((o) => o.text)).toEqual([`${number} 报告照片 1/3`, `${number} 已整改照片 2/3`, `${number} 已整改照片 3/3`]);
    expect(back[1]!.file).toMatchObject({ kind: "photo", data: after1.data });
    expect(back[2]!.file?.data).toEqual(after2.data);
  });

  test("a general hazard's 已整改 asks for a photo but goes through; photos sent next are kept as the fixed state's", async () => {
    f = await createFixture();
    await seedTree(f);
    const out = await f.chat.as("张三").in("车间群").say("报隐患 灭火器过期");
    const number = numberIn(out);
    const m = f.chat.as("李主任").in("车间群");
    await m.say(`确认 ${number} 一般 2026-11-20`);
    await m.say(`整改方案 ${number} 责任人:李主任 措施:更换灭火器 资金:500元 期限:2026-11-20 预案:临时增配`);
    const done = await m.say(`已整改 ${number}`);
    expect(done.join("\n")).toContain("待验收");
    expect(done.join("\n")).toContain("请发送整改后的照片");
    expect(texts(await send(m, "", [photo(5).attachment]))).toEqual([expect.stringContaining("整改后照片 1 张")]);
    // Other words end the offer quietly (they were for the group).
    expect(await m.say("好的大家辛苦了")).toEqual([]);
    expect(await send(m, "", [photo(6).attachment])).toEqual([]);
    const [status] = await m.say(`查询 ${number}`);
    expect(status).toMatch(/补充照片（李主任）（照片 1 张）/);
  });

  test("a unit may say its major hazards need no photo; only its officials may; a worker may add photos to their own report", async () => {
    f = await createFixture();
    await seedTree(f);
    const number = await reportMajor();
    expect(await f.chat.as("张三").in("车间群").say("整改照片 不必")).toEqual([expect.stringContaining("权限")]);
    expect(await f.chat.as("李主任").say("整改照片 不必")).toEqual([expect.stringContaining("绑定的群")]);
    expect(await f.chat.as("李主任").in("车间群").say("整改照片")).toEqual([expect.stringContaining("现在要求")]);
    expect(await f.chat.as("李主任").in("车间群").say("整改照片 不必")).toEqual([expect.stringContaining("不要求")]);
    expect((await f.chat.as("李主任").in("车间群").say(`已整改 ${number}`)).join()).toContain("申请销号");

    const w = f.chat.as("张三").in("车间群");
    const other = numberIn(await w.say("报隐患 叉车无牌照"));
    expect(texts(await send(w, `照片 ${other}`, [photo(8).attachment]))).toEqual([expect.stringContaining("整改前照片 1 张")]);
    expect(await f.chat.as("赵六").in("车间群").say(`照片 ${other} 补充`)).toEqual([expect.stringContaining("权限")]);
  });

  test("photos survive a restart: the bot sends them from its own store, not the platform's reference", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-evidence-"));
    dirs.push(dir);
    f = await createFixture({ dataDir: dir });
    await seedTree(f);
    const p = photo(21);
    const number = numberIn(texts(await send(f.chat.as("张三").in("车间群"), "报隐患 电缆沟积水", [p.attachment])));
    await f.close();
    f = await createFixture({ dataDir: dir });
    const [back] = await f.chat.as("张三").in("车间群").say(`照片 ${number}`);
    expect(back).toBe(`${number} 报告照片 1/1`);
    const sent = f.chat.sent.get("车间群")!.at(-1)!;
    expect(sent.file?.data).toEqual(p.data);
    expect(readdirSync(path.join(dir, "files")).length).toBe(1);
  });
});

describe("a tip's files", () => {
  test("are sealed in the store with the tip, never in the file store; handlers get them back; they go with the tip", async () => {
    f = await createFixture();
    await seedTree(f);
    const admin = f.chat.as("admin");
    await admin.in("县局群").say("授权 举报处理人 王局长");
    const t = f.chat.as("举报人小王");
    await t.say("我要举报");
    await t.say("1");
    await t.say("城关化工厂");
    const p = photo(31);
    expect(texts(await send(t, "液氨储罐无人值守", [p.attachment]))).toEqual([expect.stringContaining("已收到 1 张照片")]);
    await t.say("跳过");
    const filed = await t.say("匿名");
    const tip = tipNumberIn(filed);
    await t.say("已保存");

    // Nowhere in the file store, nowhere in clear in the database.
    const blobs = f.app.deps.blobs as FileBlobs;
    expect(readdirSync(blobs.dir)).toEqual([]);
    const rows = await f.app.store.read((repo) => raw(repo).$queryRaw<{ data: string; tipId: number | null }[]>`SELECT data, "tipId" FROM "TipFile"`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tipId).not.toBeNull();
    const marker = Buffer.from("Sentinel console photo").toString("base64url").slice(0, 12);
    expect(rows[0]!.data).not.toContain(marker);
    expect(Buffer.from(rows[0]!.data).includes(Buffer.from(p.data.subarray(0, 64)))).toBe(false);

    const shown = await f.chat.deliver(toIncoming("王局长", f.chat.as("王局长").room, `查看举报 ${tip}`));
    const file = shown.find((o) => o.file)!;
    expect(file.file).toMatchObject({ kind: "photo" });
    expect(Buffer.from(file.file!.data!).equals(Buffer.from(p.data))).toBe(true);

    await closeUntrue(f, "王局长", tip);
    f.clock.advanceDays(91);
    expect(await runTipMaintenance(f.app.deps)).toEqual({ purged: 1 });
    const left = await f.app.store.read((repo) => raw(repo).$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TipFile"`);
    expect(left[0]!.n).toBe(0);
  });

  test("files of a tip never filed are removed with the dialog", async () => {
    f = await createFixture();
    await seedTree(f);
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    const t = f.chat.as("举报人小李");
    await t.say("我要举报");
    await t.say("1");
    await t.say("城关化工厂");
    await send(t, "仓库违规住人", [photo(41).attachment]);
    f.clock.advanceDays(3);
    await runTipMaintenance(f.app.deps);
    const left = await f.app.store.read((repo) => raw(repo).$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TipFile"`);
    expect(left[0]!.n).toBe(0);
    // A tip filed in full keeps its file.
    await fileTip(f, "举报人小张");
  });
});
