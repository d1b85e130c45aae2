import path from "node:path";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { createApp } from "./app.ts";
import { DatabaseLockedError } from "./store/index.ts";
import { ConsoleRepl } from "./platforms/console/repl.ts";
import { SecretError } from "./core/sealer.ts";
import { startScheduler } from "./reminders/scheduler.ts";
import { unknownYears } from "./domain/calendar.ts";

/** Starts Sentinel: the configured platforms, or the console when none is configured. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  // The console owns the terminal, so its log goes to a file.
  const log = createLogger({ level: config.LOG_LEVEL, file: config.LOG_FILE ?? path.join(config.DATA_DIR, "sentinel.log") });
  let app;
  try {
    app = await createApp(config, log);
  } catch (err) {
    if (err instanceof DatabaseLockedError) {
      process.stderr.write(err.message + "\n");
      process.exit(3);
    }
    if (err instanceof ConfigError || err instanceof SecretError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  const { prompts } = app;
  const lang = config.SENTINEL_LANG;
  const say = (id: string, args?: Record<string, string>) => prompts.t(lang, id, args);
  const speaker = config.SENTINEL_ADMINS.find((a) => a.startsWith("console:"))?.slice("console:".length) ?? "admin";

  const repl = new ConsoleRepl({ input: process.stdin, output: process.stdout, speaker, say, outbox: path.join(config.DATA_DIR, "outbox") });
  process.stdout.write(say("console-banner", { store: app.store.kind === "pglite" ? path.resolve(config.DATA_DIR) : "PostgreSQL", who: speaker }) + "\n");
  if (app.adminCode) process.stdout.write(say("console-admin-code", { code: app.adminCode }) + "\n");
  const scheduler = startScheduler(app.deps, (o) => repl.send(o));
  const year = new Date().getUTCFullYear();
  const unknown = unknownYears(app.deps.calendar, year, year + 1);
  if (unknown.length) {
    log.warn({ module: "main", op: "calendar", years: unknown }, "holiday calendar does not know these years: working days fall back to Monday–Friday");
  }
  log.info({ module: "main", op: "start", store: app.store.kind, platforms: ["console"] }, "ready");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ module: "main", op: "stop", signal }, "stopping");
    await repl.stop();
    await scheduler.stop();
    await app.close();
    log.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await repl.start(async (msg) => {
    const out = await app.bot.handle(msg);
    for (const o of out) await repl.send(o);
  });
  await shutdown("end of input");
}

main().catch((err) => {
  process.stderr.write(`Sentinel could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
