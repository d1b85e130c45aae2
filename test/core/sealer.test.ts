import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Sealer, SecretError, loadSecret } from "../../src/core/sealer.ts";
import { normalizeReceiptCode } from "../../src/domain/receipt-code.ts";

const a = new Sealer(Buffer.alloc(32, 1));
const b = new Sealer(Buffer.alloc(32, 2));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("sealing", () => {
  test("round-trips JSON; the sealed text shows nothing of it and differs every time", () => {
    const value = { what: "夜里偷偷储存液氨", n: 3 };
    const s1 = a.seal(value);
    const s2 = a.seal(value);
    expect(s1).not.toBe(s2);
    expect(s1).not.toContain("液氨");
    expect(Buffer.from(s1.split(".")[3]!, "base64url").toString("utf8")).not.toContain("液氨");
    expect(a.open(s1)).toEqual(value);
  });

  test("another key cannot open it, and a changed byte is detected", () => {
    const s = a.seal({ x: 1 });
    expect(() => b.open(s)).toThrow();
    const parts = s.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0]! ^= 1;
    expect(() => a.open([parts[0], parts[1], parts[2], body.toString("base64url")].join("."))).toThrow();
    expect(() => a.open("plain text")).toThrow();
  });

  test("hashes are keyed: the same code or chat gives another hash under another secret", () => {
    expect(a.hashCode("1234")).toBe(a.hashCode("1234"));
    expect(a.hashCode("1234")).not.toBe(b.hashCode("1234"));
    expect(a.hashChat("console", "dm:x")).not.toBe(b.hashChat("console", "dm:x"));
    // Parts are separated, so ("ab","c") and ("a","bc") differ.
    expect(a.hashChat("ab", "c")).not.toBe(a.hashChat("a", "bc"));
    expect(a.fingerprint()).not.toBe(b.fingerprint());
  });

  test("new receipt codes are valid, and do not repeat", () => {
    const codes = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const c = Sealer.newReceiptCode();
      expect(normalizeReceiptCode(c)).toEqual({ ok: true, code: c });
      codes.add(c);
    }
    expect(codes.size).toBe(500);
  });
});

describe("the server secret", () => {
  test("from SENTINEL_SECRET when set", () => {
    expect(loadSecret("s".repeat(32), "/nonexistent")).toEqual(Buffer.from("s".repeat(32)));
  });

  test("else generated once in the data folder, readable only by its owner, and reused", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-secret-"));
    dirs.push(dir);
    const first = loadSecret(undefined, dir);
    const file = path.join(dir, "secret.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.toString("base64"));
    expect(loadSecret(undefined, dir)).toEqual(first);
    expect(first).toHaveLength(32);
  });

  test("an empty or short secret file refuses to start, saying why and what to do", () => {
    for (const content of ["", "\n", Buffer.from("short").toString("base64")]) {
      const dir = mkdtempSync(path.join(tmpdir(), "sentinel-secret-"));
      dirs.push(dir);
      writeFileSync(path.join(dir, "secret.key"), content);
      expect(() => loadSecret(undefined, dir)).toThrow(SecretError);
      expect(() => loadSecret(undefined, dir)).toThrow(/Restore the file from a backup/);
    }
  });

  test("a new secret file appears whole, with no temporary file left", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-secret-"));
    dirs.push(dir);
    loadSecret(undefined, dir);
    expect(readdirSync(dir)).toEqual(["secret.key"]);
  });

  test("in memory (tests) a fresh random one", () => {
    expect(loadSecret(undefined, null)).not.toEqual(loadSecret(undefined, null));
  });
});
