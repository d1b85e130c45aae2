import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { freshPostgres, tempDirs } from "../helpers.ts";
import { freePort } from "../support/telegram-emulator.ts";

/**
 * The production path deploy/Dockerfile describes, run on this machine (no base image can be pulled here): the
 * runtime stage's own lines, read from the Dockerfile, on a clean copy — its COPY lines from a dev install (this
 * worktree, its dist/ built afresh), its RUN lines (`npm ci --omit=dev`), its CMD started on the local PostgreSQL with
 * Telegram pointed at the emulator, its HEALTHCHECK run against it. What CI checks is what the image does.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const freshDir = tempDirs("sentinel-prod-");

type Step = { kind: "copy"; from: string[] } | { kind: "run"; command: string };

/** The runtime stage: its ENV, the steps after `WORKDIR /app`, the health check's command and the CMD. */
export function runtimeStage(dockerfile: string) {
  // Continuation lines joined; comments dropped.
  const lines = dockerfile.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const last = lines.map((l) => l.startsWith("FROM ")).lastIndexOf(true);
  const stage = lines.slice(last + 1);
  const env: Record<string, string> = {};
  const steps: Step[] = [];
  let inApp = false;
  let health = "";
  let cmd: string[] = [];
  for (const line of stage) {
    const [op, ...rest] = line.split(/\s+/);
    const arg = line.slice(op!.length).trim();
    if (op === "ENV") for (const [, k, v] of arg.matchAll(/(\w+)=(\S+)/g)) env[k!] = v!;
    else if (op === "WORKDIR") inApp = arg === "/app";
    else if (op === "COPY" && inApp) {
      expect(rest[0], line).toBe("--from=build");
      steps.push({ kind: "copy", from: rest.slice(1, -1).map((s) => path.relative("/app", s)) });
    } else if (op === "RUN" && inApp) steps.push({ kind: "run", command: arg });
    else if (op === "HEALTHCHECK") health = arg.slice(arg.indexOf("CMD ") + 4);
    else if (op === "CMD") cmd = JSON.parse(arg) as string[];
  }
  return { env, steps, health, cmd };
}

async function until<T>(what: string, f: () => Promise<T | undefined>, child: { exitCode: number | null }, out: () => string): Promise<T> {
  // A guard against hanging, not a timing assertion: minutes on a loaded machine.
  const deadline = Date.now() + 300_000;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`waited for ${what}; the bot printed:\n${out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the production install the Dockerfile runs", () => {
  test("npm ci --omit=dev on a clean copy, no npm warning; the bot starts on PostgreSQL, answers on Telegram, /healthz and /metrics on the ops port", async (ctx) => {
    const pg = await freshPostgres();
    if (!pg) return ctx.skip();
    const stage = runtimeStage(readFileSync(path.join(ROOT, "deploy/Dockerfile"), "utf8"));
    expect(stage.steps.some((s) => s.kind === "run" && /npm ci --omit=dev/.test(s.command))).toBe(true);
    const app = freshDir();
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", npm_config_cache: path.join(process.env.HOME ?? "/tmp", ".npm"), ...stage.env };
    for (const step of stage.steps) {
      if (step.kind === "copy") {
        for (const from of step.from) {
          // dist/ is what the build stage's dev install builds: built afresh from this source, not whatever is there.
          if (from === "dist") execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", path.join(app, "dist")], { cwd: ROOT });
          else cpSync(path.join(ROOT, from), path.join(app, from), { recursive: true });
        }
      } else {
        const run = spawnSync("sh", ["-c", step.command], { cwd: app, env, encoding: "utf8" });
        expect(run.status, run.stderr).toBe(0);
        // No warning at all: every install script is approved or denied in package.json (allowScripts).
        expect(run.stderr).not.toMatch(/npm warn/i);
      }
    }
    // What the production tree holds: none of the build tooling.
    for (const dev of ["typescript", "prisma", "vitest", "@types/pg", "@swc/core"]) expect(() => readFileSync(path.join(app, "node_modules", dev, "package.json")), dev).toThrow();
    const megabytes = Number(execFileSync("du", ["-sm", path.join(app, "node_modules")], { encoding: "utf8" }).split("\t")[0]);
    ctx.annotate(`production node_modules: ${megabytes} MB`);

    const tgPort = await freePort();
    const server = new TelegramServer({ port: tgPort, host: "127.0.0.1" });
    await server.start();
    const token = "123456:SENTINEL-PROD";
    const opsPort = await freePort();
    const runEnv = {
      ...env,
      DATA_DIR: path.join(app, "data"),
      SENTINEL_OPS_HOST: "127.0.0.1",
      SENTINEL_OPS_PORT: String(opsPort),
      DATABASE_URL: pg.url,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: server.config.apiURL,
      SENTINEL_ADMINS: "telegram:4242",
      SENTINEL_BACKUP: "off",
    };
    mkdirSync(runEnv.DATA_DIR);
    const [bin, ...args] = stage.cmd;
    const child = spawn(bin === "node" ? process.execPath : bin!, args, { cwd: app, env: runEnv });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    try {
      const ops = `http://127.0.0.1:${opsPort}`;
      const health = await until("/healthz 200", async () => {
        const res = await fetch(`${ops}/healthz`);
        return res.status === 200 ? ((await res.json()) as unknown) : undefined;
      }, child, () => out);
      expect(health).toEqual({ ok: true, store: true, platforms: { telegram: true } });
      // The image's own health check, as Docker runs it.
      expect(spawnSync("sh", ["-c", stage.health], { cwd: app, env: runEnv }).status).toBe(0);

      // One Telegram round: the admin creates a unit in a private chat; the answer comes after it is committed.
      const client = server.getClient(token, { userId: 4242, firstName: "Admin", userName: "admin4242", chatId: 4242, type: "private", chatTitle: "Admin" });
      await client.sendMessage(client.makeMessage("新建单位 县应急管理局"));
      const reply = await until("the bot's answer", async () => {
        const res = await fetch(`${server.config.apiURL}/getUpdates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, chatId: 4242 }) });
        const texts = ((await res.json()) as { result: { message: { text: string } }[] }).result.map((u) => u.message.text);
        return texts.find((t) => t.includes("县应急管理局"));
      }, child, () => out);
      expect(reply).toContain("已新建单位“县应急管理局”");

      const metrics = await (await fetch(`${ops}/metrics`)).text();
      expect(metrics).toMatch(/^sentinel_updates_total\{platform="telegram"\} 1$/m);
      expect(metrics).toMatch(/^sentinel_hazards_open 0$/m);
      expect(metrics).toMatch(/^sentinel_errors_total\{where="send"\} 0$/m);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      // The log is JSON lines on stdout, and never the message's text.
      expect(out).toContain('"op":"start"');
      expect(out).not.toContain("县应急管理局");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await server.stop();
      await pg.drop();
    }
  });
});
