import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { DatabaseLockedError, lockDataDir } from "../../src/store/lock.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
  const d = mkdtempSync(path.join(tmpdir(), "sentinel-lock-"));
  dirs.push(d);
  return d;
};

test("a lock held by a live process refuses; a stale one is taken over; release removes it", () => {
  const dir = folder();
  const file = path.join(dir, "pglite.lock");
  writeFileSync(file, String(process.ppid));
  expect(() => lockDataDir(dir)).toThrow(DatabaseLockedError);
  writeFileSync(file, "2147483646");
  const release = lockDataDir(dir);
  expect(readFileSync(file, "utf8")).toBe(String(process.pid));
  release();
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(dir)).toEqual([]); // no file of this process's own left behind
});

// Processes that start together: each waits for the same signal, then takes the lock and holds it until told to go.
const CHILD = `
const { existsSync } = require("node:fs");
const go = process.argv[2], done = process.argv[3], dir = process.argv[4];
const wait = (f) => new Promise((r) => { const t = setInterval(() => existsSync(f) && (clearInterval(t), r()), 2); });
(async () => {
  const { lockDataDir } = await import(process.argv[5]);
  process.stdout.write("ready\\n");
  await wait(go);
  let got = "locked";
  try { lockDataDir(dir); got = "got"; } catch (e) { if (e.constructor.name !== "DatabaseLockedError") got = "error " + e.message; }
  process.stdout.write(got + "\\n");
  await wait(done);
})();
`;

test("of processes starting together, exactly one gets the lock", async () => {
  const dir = folder();
  const go = path.join(dir, "go");
  const done = path.join(dir, "done");
  const mod = path.resolve("src/store/lock.ts");
  const tsx = path.resolve("node_modules/.bin/tsx");
  const child = path.join(dir, "child.cjs");
  writeFileSync(child, CHILD);
  const kids = Array.from({ length: 4 }, () => spawn(tsx, [child, go, done, path.join(dir, "data"), mod], { stdio: ["ignore", "pipe", "inherit"] }));
  const lines = kids.map((k) => {
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    let answered!: (s: string) => void;
    const answer = new Promise<string>((r) => (answered = r));
    k.stdout!.on("data", (d: Buffer) => {
      for (const l of d.toString().split("\n").filter(Boolean)) {
        if (l === "ready") ready();
        else answered(l);
      }
    });
    return { isReady, answer };
  });
  (await import("node:fs")).mkdirSync(path.join(dir, "data"));
  await Promise.all(lines.map((l) => l.isReady));
  writeFileSync(go, "");
  const answers = await Promise.all(lines.map((l) => l.answer));
  writeFileSync(done, "");
  await Promise.all(kids.map((k) => new Promise((r) => k.on("exit", r))));
  expect(answers.sort()).toEqual(["got", "locked", "locked", "locked"]);
}, 60_000);
