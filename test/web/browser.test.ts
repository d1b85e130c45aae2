import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFixture, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { consolePhoto } from "../../src/platforms/console/chat.ts";
import { blobKey } from "../../src/store/blobs.ts";
import { chartFont } from "../../src/reports/fonts.ts";
import { linkIn, startWeb } from "./support.ts";
import { freePort } from "../support/telegram-emulator.ts";

/**
 * The web ledger end to end in a real browser (Debian's chromium, driven by playwright-core): units, officials and
 * hazards with photos made through the bot's own commands, `网页` asked in a private chat, the link opened, the list
 * filtered, a hazard opened with its photos before and after loaded, the 统计表 downloaded, and a worker's link kept
 * out of another unit's hazard. Screenshots of the list and of a hazard go to docs/ for the README.
 */
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/web/browser.test.ts skipped: ${CHROMIUM} is not installed (.ci/run installs Debian's chromium and fonts-noto-cjk)`);

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const DOCS = path.resolve(import.meta.dirname, "../../docs");
/** Waiting for the browser or the bot: minutes, not seconds (a loaded machine is slow; nothing is timed by this). */
const PATIENCE = 180_000;

/** A JPEG a phone might send: drawn and encoded by the canvas (and the font) the trend chart uses. */
async function jpeg(label: string, color: string): Promise<Uint8Array> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const { family } = chartFont();
  const c = createCanvas(480, 320);
  const g = c.getContext("2d");
  g.fillStyle = color;
  g.fillRect(0, 0, 480, 320);
  // A tank and its alarm, as a stand-in for a photo of one.
  g.fillStyle = "#d9d9d9";
  g.fillRect(60, 120, 220, 150);
  g.beginPath();
  g.arc(170, 120, 110, Math.PI, 0);
  g.fill();
  g.fillStyle = label.includes("后") ? "#7cd67c" : "#ff5a4f";
  g.beginPath();
  g.arc(370, 110, 34, 0, 2 * Math.PI);
  g.fill();
  g.fillStyle = "#ffffff";
  g.font = `bold 40px "${family}"`;
  g.fillText(label, 300, 260);
  return new Uint8Array(await c.encode("jpeg"));
}

describe.skipIf(!hasChromium)(`the web ledger in a real browser${hasChromium ? "" : ` (skipped: ${CHROMIUM} is not installed)`}`, () => {
  let f: Fixture;
  let web: Awaited<ReturnType<typeof startWeb>>;
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];
  let a = "";
  let b = "";
  let e = "";
  let bPhoto: Uint8Array;
  let before: Uint8Array;
  let after: Uint8Array;

  /** A fresh browser (its own user-data-dir) at desk or phone size. */
  async function browser(viewport = { width: 1360, height: 900 }): Promise<BrowserContext> {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-chromium-"));
    dirs.push(dir);
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, acceptDownloads: true, locale: "zh-CN", timeout: PATIENCE });
    ctx.setDefaultTimeout(PATIENCE);
    ctx.setDefaultNavigationTimeout(PATIENCE);
    contexts.push(ctx);
    return ctx;
  }

  beforeAll(async () => {
    const port = await freePort();
    f = await createFixture({ env: { SENTINEL_HTTP_PORT: String(port), SENTINEL_WEB_URL: `http://127.0.0.1:${port}` } });
    web = await startWeb(f, port);
    // A county office over two enterprises, each with its group, a safety manager and workers.
    await seedTree(f);
    const admin = f.chat.as("admin");
    await admin.say("新建单位 河西机械厂 县应急管理局");
    await admin.in("机械群").say("绑定 河西机械厂");
    await f.chat.as("孙主任").in("机械群").say("我的身份");
    await f.chat.as("赵六").in("机械群").say("我的身份");
    await admin.in("机械群").say("授权 安全管理员 孙主任");
    await admin.say("单位行业 城关化工厂 危险化学品");
    // 城关化工厂: a major hazard with a photo, its plan, and its rectification with a photo of the fixed state.
    before = await jpeg("整改前", "#7a4a2a");
    after = await jpeg("整改后", "#2f5f8a");
    a = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 液氨储罐区泄漏报警器失灵 地点:三号库", { photos: [before] }));
    const li = f.chat.as("李主任").in("车间群");
    await li.say(`确认 ${a} 重大`);
    await li.say(`整改方案 ${a} 责任人:李主任 措施:更换泄漏报警器并联网 资金:2万元 期限:2026-12-20 预案:人工巡检每两小时一次`);
    expect((await li.say(`已整改 ${a} 已更换并试验合格`, { photos: [after] })).join()).toContain("申请销号");
    const c = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 二号车间配电箱门未关 电线裸露", { photos: [consolePhoto(3)] }));
    await li.say(`确认 ${c} 一般 2026-11-20`);
    expect((await li.say("报隐患 安全出口指示灯不亮 已当场整改")).join()).toContain("YH-");
    // 河西机械厂: a reported hazard, and a major one the county lists for supervision.
    bPhoto = consolePhoto(4);
    b = numberIn(await f.chat.as("赵六").in("机械群").say("报隐患 车床防护罩缺失", { photos: [bPhoto] }));
    e = numberIn(await f.chat.as("赵六").in("机械群").say("报隐患 行车钢丝绳断股仍在使用 地点:总装车间"));
    await f.chat.as("孙主任").in("机械群").say(`确认 ${e} 重大`);
    expect((await f.chat.as("王局长").in("县局群").say(`挂牌督办 ${e} 县应急管理局 2026-12-31`)).join()).toContain("挂牌督办");
    // A month on: 配电箱's deadline has passed.
    f.clock.set("2026-11-25T02:00:00Z");
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await web?.close();
    await f?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test("an official signs in with the link, filters the list, sees a hazard's photos before and after, downloads the 统计表", async () => {
    const link = linkIn(await f.chat.as("王局长").say("网页"));
    const ctx = await browser();
    const page = await ctx.newPage();
    await page.goto(link);
    await page.waitForURL(/\/web\/$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: PATIENCE }).toContain("隐患台账");
    const numbers = () => page.locator("td.num a").allTextContents();
    expect((await numbers()).length).toBe(5);
    expect(await page.locator(".tag.overdue").count()).toBe(1);
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS, "web-ledger.png"), fullPage: true });

    // Filters: major hazards only, then only 河西机械厂's.
    await page.selectOption("select[name=level]", "MAJOR");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/level=MAJOR/);
    expect(await numbers()).toEqual([e, a]);
    const hexi = await page.locator("select[name=unit] option", { hasText: "河西机械厂" }).getAttribute("value");
    await page.selectOption("select[name=unit]", hexi!);
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(new RegExp(`unit=${hexi}`));
    expect(await numbers()).toHaveLength(1);
    expect(await page.locator("td.desc").first().textContent()).toContain("行车钢丝绳断股");

    // A hazard: its photos before and after load from /web/file/…, as images, with their bytes.
    await page.goto(`http://127.0.0.1:${web.port}/web/`);
    const files = new Map<string, Response>();
    page.on("response", (r) => {
      if (r.url().includes("/web/file/")) files.set(decodeURIComponent(r.url().split("/").pop()!), r);
    });
    await page.click(`a[href="/web/hazard/${a}"]`);
    await page.waitForURL(new RegExp(`/web/hazard/${a}$`));
    await page.waitForLoadState("load");
    await expect.poll(() => files.size, { timeout: PATIENCE }).toBe(2);
    for (const [key, bytes] of [[blobKey(before), before], [blobKey(after), after]] as const) {
      const r = files.get(key)!;
      expect(r.status()).toBe(200);
      expect(r.headers()["content-type"]).toBe("image/jpeg");
      expect(r.headers()["x-content-type-options"]).toBe("nosniff");
      expect(new Uint8Array(await r.body())).toEqual(bytes);
    }
    const loaded = await page.locator(".photos img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth));
    expect(loaded).toEqual([480, 480]);
    expect(await page.locator(".photos section").nth(0).locator("img").count()).toBe(1);
    expect(await page.locator(".photos section").nth(1).locator("img").count()).toBe(1);
    await expect.poll(() => page.locator("body").textContent()).toContain("更换泄漏报警器并联网");
    await page.screenshot({ path: path.join(DOCS, "web-hazard.png"), fullPage: true });

    // Statistics, and the 统计表 downloaded as an .xlsx.
    await page.click("header a[href='/web/stats']");
    await page.waitForURL(/\/web\/stats$/);
    const chart = await page.locator("img.chart").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(chart).toEqual([1000]);
    await page.screenshot({ path: path.join(DOCS, "web-stats.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".downloads a", { hasText: "统计表" }).first().click()]);
    expect(download.suggestedFilename()).toBe("统计表-县应急管理局-2026-11.xlsx");
    const saved = path.join(dirs[0]!, "table.xlsx");
    await download.saveAs(saved);
    const data = readFileSync(saved);
    expect([...data.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(["城关化工厂", "河西机械厂"]));

    // Signing out: the page's own form (a POST with its CSRF token); the list is then closed.
    await page.click("header button[type=submit]");
    await expect.poll(() => page.locator("body").textContent()).toContain("已退出登录");
    const closed = await page.goto(`http://127.0.0.1:${web.port}/web/`);
    expect(closed!.status()).toBe(401);
  });

  test("a worker's link shows their own reports; another unit's hazard and its photo are refused (403)", async () => {
    const link = linkIn(await f.chat.as("张三").say("网页"));
    const ctx = await browser({ width: 390, height: 844 });
    const page = await ctx.newPage();
    await page.goto(link);
    await page.waitForURL(/\/web\/$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: PATIENCE }).toContain("我报告的隐患");
    const mine = await page.locator("td.num a").allTextContents();
    expect(mine).toContain(a);
    expect(mine).not.toContain(b);
    const other = await page.goto(`http://127.0.0.1:${web.port}/web/hazard/${b}`);
    expect(other!.status()).toBe(403);
    expect(await page.locator("body").textContent()).toContain("无权查看");
    expect(await page.locator("body").textContent()).not.toContain("车床防护罩");
    const photo = await page.goto(`http://127.0.0.1:${web.port}/web/file/${b}/${encodeURIComponent(blobKey(bPhoto))}`);
    expect(photo!.status()).toBe(403);
    // The same link a second time: used.
    const again = await page.goto(link);
    expect(again!.status()).toBe(403);
  });
});
