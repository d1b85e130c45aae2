import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { loadImage } from "@napi-rs/canvas";
import { ConsoleRepl, looksLikePath } from "../../../src/platforms/console/repl.ts";
import { Prompts } from "../../../src/core/i18n.ts";
import type { IncomingMessage } from "../../../src/core/messages.ts";
import { tempDirs } from "../../helpers.ts";

const freshDir = tempDirs("sentinel-repl-");
const prompts = new Prompts();
const say = (id: string, args?: Record<string, string>) => prompts.t("zh-CN", id, args);

/**
 * The terminal console in-process: lines typed into its input, its output read back, and the messages it hands to the
 * core collected. `type` waits for the prompt that follows the line (a guard against hanging, not a timing assertion).
 */
function consoleFor(outbox: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = "";
  let read = 0;
  output.setEncoding("utf8").on("data", (d: string) => (out += d));
  const repl = new ConsoleRepl({ input, output, speaker: "张三", say, outbox });
  const handled: IncomingMessage[] = [];
  const running = repl.start(async (msg) => void handled.push(msg));
  const waitFor = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const rest = out.slice(read);
      const m = pattern.exec(rest);
      if (m) {
        read += m.index + m[0].length;
        return rest.slice(0, m.index);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return {
    repl,
    handled,
    ready: () => waitFor(/张三> /),
    /** Everything the console printed so far. */
    printed: () => out,
    /** Types a line; returns what the console printed before its next prompt. */
    async type(line: string): Promise<string> {
      input.write(line + "\n");
      return waitFor(/张三> /);
    },
    async close() {
      input.end();
      await running;
    },
  };
}

describe("photos and files typed on the console", () => {
  let c: ReturnType<typeof consoleFor>;
  afterEach(() => c?.close());

  test("/photo <path> text: the local file's bytes are the photo (name, size, type), the rest the caption", async () => {
    const dir = freshDir();
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 4000 }, (_, i) => (i * 13) % 256), 0xff, 0xd9]);
    const file = path.join(dir, "配电箱.jpg");
    writeFileSync(file, bytes);
    c = consoleFor(path.join(dir, "outbox"));
    await c.ready();
    await c.type(`/photo ${file} 报隐患 配电箱门未关`);
    expect(c.handled).toHaveLength(1);
    const msg = c.handled[0]!;
    expect(msg).toMatchObject({ platform: "console", chatId: "dm:张三", text: "报隐患 配电箱门未关" });
    const [att] = msg.attachments;
    expect(att).toMatchObject({ kind: "photo", name: "配电箱.jpg", size: bytes.byteLength, mime: "image/jpeg" });
    expect(await att!.fetch!()).toEqual(bytes);
  });

  test("/photo text (no such file): all of it is the caption, and the photo is a real image the console draws, new each time", async () => {
    c = consoleFor(path.join(freshDir(), "outbox"));
    await c.ready();
    await c.type("/photo 随手拍 三楼消防通道堵塞");
    await c.type("/photo");
    const [first, second] = c.handled;
    expect(first!.text).toBe("随手拍 三楼消防通道堵塞");
    expect(second!.text).toBe("");
    const a = await first!.attachments[0]!.fetch!();
    const b = await second!.attachments[0]!.fetch!();
    expect(first!.attachments[0]).toMatchObject({ kind: "photo", mime: "image/png", size: a.byteLength });
    // It decodes as an image.
    const image = await loadImage(Buffer.from(a));
    expect(image.width).toBeGreaterThan(0);
    expect(image.height).toBeGreaterThan(0);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  test("/photo with a path that cannot be read: said so, nothing sent (not a drawn photo captioned with the path)", async () => {
    const dir = freshDir();
    c = consoleFor(path.join(dir, "outbox"));
    await c.ready();
    const missing = path.join(dir, "配电箱.jpg");
    expect(await c.type(`/photo ${missing} 报隐患 配电箱门未关`)).toContain(say("console-no-file", { path: missing }));
    expect(await c.type("/photo 配电箱.jpg 报隐患")).toContain(say("console-no-file", { path: "配电箱.jpg" }));
    expect(c.handled).toHaveLength(0);
    expect(looksLikePath("随手拍")).toBe(false);
    expect(looksLikePath("./a")).toBe(true);
    expect(looksLikePath("月报.XLSX")).toBe(true);
  });

  test("/file <path> text: a document from the file (a quoted path may hold spaces); a path that is not a readable file is said so, nothing sent", async () => {
    const dir = freshDir();
    const file = path.join(dir, "11 月月报.pdf");
    const bytes = Buffer.from("%PDF-1.4\n11月隐患排查治理情况月报\n");
    writeFileSync(file, bytes);
    c = consoleFor(path.join(dir, "outbox"));
    await c.ready();
    await c.type(`/file "${file}" 11月月报`);
    expect(c.handled).toHaveLength(1);
    expect(c.handled[0]!.text).toBe("11月月报");
    const [att] = c.handled[0]!.attachments;
    expect(att).toMatchObject({ kind: "document", name: "11 月月报.pdf", size: bytes.length, mime: "application/pdf" });
    expect(Buffer.from(await att!.fetch!()).equals(bytes)).toBe(true);

    const missing = path.join(dir, "没有这个文件.xlsx");
    expect(await c.type(`/file ${missing} 本月月报`)).toContain(say("console-no-file", { path: missing }));
    expect(await c.type(`/file ${dir} 一个文件夹`)).toContain(say("console-no-file", { path: dir }));
    expect(await c.type("/file")).toContain(say("console-file-usage"));
    expect(c.handled).toHaveLength(1);
  });

  test("a photo or document the bot sends is saved to the outbox and its path printed; a second of the same name does not overwrite the first", async () => {
    const dir = freshDir();
    const outbox = path.join(dir, "outbox");
    c = consoleFor(outbox);
    await c.ready();
    const one = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const two = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 4, 5, 6]);
    await c.repl.send({ platform: "console", chatId: "车间群", text: "YH-2026-000001 的照片（1/2）", file: { kind: "photo", filename: "YH-2026-000001-1.png", data: one } });
    await c.repl.send({ platform: "console", chatId: "车间群", text: "YH-2026-000002 的照片（1/1）", file: { kind: "photo", filename: "YH-2026-000001-1.png", data: two } });
    await c.repl.send({ platform: "console", chatId: "车间群", text: "台账", file: { kind: "document", filename: "../台账.pdf", data: one } });
    const printed = c.printed();
    const first = path.join(outbox, "YH-2026-000001-1.png");
    const second = path.join(outbox, "YH-2026-000001-1-2.png");
    expect(printed).toContain(`[车间群] ← YH-2026-000001 的照片（1/2）\n   📷 ${first}`);
    expect(printed).toContain(`📷 ${second}`);
    expect(readFileSync(first)).toEqual(Buffer.from(one));
    expect(readFileSync(second)).toEqual(Buffer.from(two));
    // A name is only a name: the file stays in the outbox.
    expect(printed).toContain(`📎 ${path.join(outbox, "台账.pdf")}`);
    expect(existsSync(path.join(dir, "台账.pdf"))).toBe(false);
  });
});
