import path from "node:path";
import { ConfigError, anyPlatform, loadConfig, type Config } from "./config.ts";
import { workchatAdapters } from "./platforms/workchat.ts";
import { createLogger, type Logger } from "./log.ts";
import { createApp, type App } from "./app.ts";
import { DatabaseLockedError } from "./store/index.ts";
import { ConsoleRepl } from "./platforms/console/repl.ts";
import { SecretError } from "./core/sealer.ts";
import { startScheduler } from "./reminders/scheduler.ts";
import { yearsToAskFor } from "./domain/calendar.ts";
import { shanghaiDate } from "./domain/dates.ts";
import type { ChatAdapter } from "./core/messages.ts";
import { Router } from "./platforms/router.ts";

/**
 * The platforms the environment configures; none means the console. Each platform's libraries load only when it is
 * configured (Wechaty's alone took a second and 50 MB at every start of a console or Telegram bot).
 */
async function platformsFrom(config: Config, app: App, log: Logger): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const { TelegramAdapter } = await import("./platforms/telegram/adapter.ts");
    adapters.push(
      new TelegramAdapter({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhook: config.TELEGRAM_WEBHOOK_URL
          ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET!, port: config.TELEGRAM_WEBHOOK_PORT }
          : undefined,
        prompts: app.prompts,
        log,
        deleteGroupTips: config.TELEGRAM_DELETE_GROUP_TIPS === "on",
      }),
    );
  }
  if (config.WECHATY_PUPPET) {
    const { WechatAdapter } = await import("./platforms/wechat/adapter.ts");
    adapters.push(
      new WechatAdapter({
        puppet: config.WECHATY_PUPPET as never,
        puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN,
        sessionName: path.join(config.DATA_DIR, "wechat"),
        acceptFriends: config.WECHAT_ACCEPT_FRIENDS === "on",
        sendIntervalMs: config.WECHAT_SEND_INTERVAL_MS,
        jitterMs: config.WECHAT_SEND_JITTER_MS,
        log,
      }),
    );
  }
  adapters.push(...(await workchatAdapters(config, log)));
  return adapters;
}

/**
 * The metrics with the ops listener (`SENTINEL_OPS_PORT`) and the web ledger (`SENTINEL_HTTP_PORT`), each loaded only
 * when its port is set: nothing else reads the metrics, and Prometheus's client with its default collectors (an
 * event-loop monitor, GC observers) cost the start and the idle memory of every bot without it (issue 13).
 */
async function loadHttp(config: Config, deps: App["deps"]) {
  const servers = await import("./ops/http.ts");
  const metrics = config.SENTINEL_OPS_PORT
    ? await (async () => {
        const [{ Metrics }, { gaugeSources }] = await Promise.all([import("./ops/metrics.ts"), import("./ops/gauges.ts")]);
        return new Metrics(gaugeSources(deps));
      })()
    : undefined;
  const web = config.SENTINEL_HTTP_PORT ? (await import("./web/handler.ts")).createWebHandler(deps) : undefined;
  return { servers, metrics, web };
}

/** Starts Sentinel: the configured platforms, or the console when none is configured. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  const onConsole = !anyPlatform(config);
  // The console owns the terminal, so its log goes to a file; a server logs JSON lines to stdout unless told otherwise.
  const log = createLogger({ level: config.LOG_LEVEL, file: config.LOG_FILE ?? (onConsole ? path.join(config.DATA_DIR, "sentinel.log") : undefined), stdout: !onConsole });
  let app: App;
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
  const http = config.SENTINEL_OPS_PORT || config.SENTINEL_HTTP_PORT ? await loadHttp(config, app.deps) : null;
  const metrics = http?.metrics;

  let adapters = onConsole ? [] : await platformsFrom(config, app, log);
  if (onConsole) {
    const speaker = config.SENTINEL_ADMINS.find((a) => a.startsWith("console:"))?.slice("console:".length) ?? "admin";
    adapters = [new ConsoleRepl({ input: process.stdin, output: process.stdout, speaker, say, outbox: path.join(config.DATA_DIR, "outbox") })];
    process.stdout.write(say("console-banner", { store: app.store.kind === "pglite" ? path.resolve(config.DATA_DIR) : "PostgreSQL", who: speaker }) + "\n");
    if (app.adminCode) process.stdout.write(say("console-admin-code", { code: app.adminCode }) + "\n");
  } else if (app.adminCode) {
    // A credential: to the operator's terminal, not into the log.
    process.stderr.write(say("console-admin-code", { code: app.adminCode }) + "\n");
  }
  const router = new Router(adapters, app.bot, log, metrics);
  const scheduler = startScheduler(app.deps, router.send, metrics);
  const ops =
    http && metrics
      ? await http.servers.startOpsServer(
          config.SENTINEL_OPS_PORT!,
          {
            store: () => app.store.transaction((repo) => repo.ping()),
            platforms: () => Object.fromEntries(adapters.map((a) => [a.platform, "connected" in a ? Boolean(a.connected) : true])),
          },
          metrics,
          config.SENTINEL_OPS_HOST,
        )
      : null;
  const web = http?.web ? await http.servers.startWebServer(config.SENTINEL_HTTP_PORT!, http.web, metrics) : null;
  // The same years the admins are told of (the scheduler's job): this one, and from 1 December the next.
  const unknown = yearsToAskFor(app.deps.calendar, shanghaiDate(new Date()));
  if (unknown.length) {
    log.warn(
      { module: "main", op: "calendar", years: unknown },
      "holiday calendar does not know these years: working days fall back to Monday–Friday until SENTINEL_HOLIDAYS gives them (README, Holidays)",
    );
  }
  log.info({ module: "main", op: "start", store: app.store.kind, platforms: adapters.map((a) => a.platform), web: config.SENTINEL_HTTP_PORT ?? null, ops: config.SENTINEL_OPS_PORT ?? null }, "ready");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ module: "main", op: "stop", signal }, "stopping");
    // Stop taking updates (the ones in flight finish), then the jobs, then the store.
    await Promise.all(adapters.map((a) => a.stop().catch((err: unknown) => log.error({ module: "main", op: "stop", platform: a.platform, err }, "stop failed"))));
    await scheduler.stop();
    for (const server of [ops, web]) if (server) await new Promise<void>((r) => server.close(() => r()));
    await app.close();
    log.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await Promise.all(adapters.map((a) => a.start(router.handle)));
  await shutdown("end of input");
}

main().catch((err) => {
  process.stderr.write(`Sentinel could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
