/**
 * Cold start and idle memory (issue 13): `npm start` (the built `dist/main.js`, console platform) on an existing data
 * folder, from spawn to the answer of its first question, against the anchor of a bare `node` that opens the same
 * PGlite folder and answers one SELECT. Idle RSS is each process's resident memory five seconds after that answer,
 * once Sentinel's catch-up tick (three seconds after start) has run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { percentile, ms, type BenchOptions, type BenchRow } from "./row.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** A process that has not answered in this long has failed, not started slowly. */
const GIVE_UP_MS = 5 * 60_000;
/** What `npm start` runs (package.json). */
const START = ["dist/main.js"];
const START_GOAL = 1.3;
/** When the idle RSS is read after the first answer: after the catch-up tick, which runs three seconds after start. */
const IDLE_AFTER_MS = 5_000;
const RSS_GOAL = 1.2;

interface Run {
  /** Spawn to the expected line on stdout. */
  ms: number;
  /** Resident memory `IDLE_AFTER_MS` after that line, in MB. */
  rssMb: number;
}

/** Spawns `args`, writes `input`, waits for `expect` on stdout; then reads the idle RSS and ends the process. */
function timeTo(args: string[], env: NodeJS.ProcessEnv, input: string, expect: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no answer in ${GIVE_UP_MS} ms: ${out.slice(-500)} ${err.slice(-500)}`)), GIVE_UP_MS);
    const finish = (e: Error | null, run?: Run) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill("SIGTERM");
      child.once("exit", () => (e ? reject(e) : resolve(run!)));
    };
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (!expect.test(out) || done) return;
      const elapsed = performance.now() - t0;
      setTimeout(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
          const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
          finish(null, { ms: elapsed, rssMb: kb / 1024 });
        } catch (e) {
          finish(e as Error);
        }
      }, IDLE_AFTER_MS);
    });
    child.on("exit", (code) => finish(new Error(`exited ${code} before answering: ${out.slice(-500)} ${err.slice(-500)}`)));
    child.stdin.write(input);
  });
}

export async function startBench(opts: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "sentinel-bench-start-"));
  const env = { DATA_DIR: dir, SENTINEL_ADMINS: "console:admin", TELEGRAM_BOT_TOKEN: "", WECHATY_PUPPET: "" };
  try {
    // The data folder as a newcomer leaves it: a unit, a bound group, a report.
    await timeTo(START, env, "新建单位 城关化工厂\n/as admin@车间群\n绑定 城关化工厂\n/as 张三@车间群\n报隐患 二号车间配电箱门未关\n", /YH-\d{4}-\d{6}/);
    const anchorScript = `
      const { PGlite } = await import("@electric-sql/pglite");
      const db = new PGlite(${JSON.stringify(path.join(dir, "pglite"))});
      const r = await db.query('SELECT count(*)::int AS n FROM "Hazard"');
      console.log("anchor " + r.rows[0].n);
      setInterval(() => {}, 1000);`;
    const runs = opts.quick ? 2 : 5;
    const anchor: Run[] = [];
    const sentinel: Run[] = [];
    for (let i = 0; i < runs; i++) {
      anchor.push(await timeTo(["--input-type=module", "-e", anchorScript], {}, "", /anchor 1/));
      sentinel.push(await timeTo(START, env, "查询 YH-2026-000001\n", /YH-2026-000001.*\n[\s\S]*>/));
    }
    const med = (xs: number[]) => percentile(xs, 0.5);
    const a = med(anchor.map((r) => r.ms));
    const s = med(sentinel.map((r) => r.ms));
    const ar = med(anchor.map((r) => r.rssMb));
    const sr = med(sentinel.map((r) => r.rssMb));
    return [
      {
        what: `cold start to first answer, existing data (median of ${runs})`,
        goal: `≤ ${START_GOAL}× anchor`,
        anchor: `${ms(a)} bare node + PGlite open + SELECT`,
        measured: ms(s),
        ratio: s / a,
        ok: s / a <= START_GOAL,
      },
      {
        what: "idle RSS after the first answer",
        goal: `≤ ${RSS_GOAL}× anchor`,
        anchor: `${ar.toFixed(0)} MB bare node + PGlite`,
        measured: `${sr.toFixed(0)} MB`,
        ratio: sr / ar,
        ok: sr / ar <= RSS_GOAL,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
