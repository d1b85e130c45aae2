import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDate } from "./domain/dates.ts";

const adminEntry = z
  .string()
  .regex(/^[a-z]+:.+$/, "each entry is platform:userId, e.g. telegram:12345");

/**
 * Every setting the bot reads from the environment, parsed once at start. A wrong value stops start-up
 * with a message that names the setting (see `loadConfig`).
 */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL; leave it unset for the embedded database")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SENTINEL_ADMINS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((e) => e.trim()).filter(Boolean))
    .pipe(z.array(adminEntry)),
  SENTINEL_LANG: z.enum(["zh-CN", "en"]).default("zh-CN"),
  SENTINEL_CAMPAIGN_START: z
    .string()
    .optional()
    .refine((s) => s === undefined || parseDate(s) !== null, "must be a date, YYYY-MM-DD")
    .transform((s) => (s === undefined ? null : parseDate(s))),
  SENTINEL_MAX_TEXT: z.coerce.number().int().min(50).max(4000).default(1000),
  SENTINEL_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  SENTINEL_TIP_UNIT: z.string().min(1).optional(),
  SENTINEL_REPORTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  SENTINEL_TIPS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
  SENTINEL_TIP_FEEDBACK_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  SENTINEL_TIP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  SENTINEL_TIP_REWARD_RULES: z.string().min(1).optional(),
  /** The campaigns (names in prompts/campaigns/ or JSON files), comma separated; default every shipped one. */
  SENTINEL_CAMPAIGNS: z.string().min(1).optional(),
  /** Whether regulators' staff earn report rewards (the national reward rules exclude staff with supervisory duties). */
  SENTINEL_REWARD_REGULATOR_STAFF: z.enum(["on", "off"]).default("off"),
  /** Hours a report the criteria flag as major may stay unconfirmed before it is reported up (双报告). */
  SENTINEL_DUAL_REPORT_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  /**
   * The rectification deadline a hazard confirmed without one gets, in calendar days, per level, where its unit (or a
   * unit above) sets none (整改时限); `0`: none, the confirmation asks for a date.
   */
  SENTINEL_DEADLINE_DAYS_GENERAL: z.coerce.number().int().min(0).max(365).default(15),
  SENTINEL_DEADLINE_DAYS_MAJOR: z.coerce.number().int().min(0).max(365).default(30),
  /** Working days a report may wait for confirmation before its unit's 安全管理员 is chased (twice that: the regulator above). */
  SENTINEL_CONFIRM_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** A JSON file of holidays and make-up workdays for years the calendar library does not know yet (see `core/holidays.ts`). */
  SENTINEL_HOLIDAYS: z.string().min(1).optional(),
  SENTINEL_QUIET_HOURS: z
    .string()
    .default("21-8")
    .refine((s) => /^(\d{1,2})(?::00)?-(\d{1,2})(?::00)?$/.test(s) && s.split("-").every((h) => Number(h.replace(":00", "")) <= 23), "hours like 21-8 (21:00 to 08:00)")
    .transform((s) => {
      const [from, to] = s.split("-").map((h) => Number(h.replace(":00", ""))) as [number, number];
      return { from, to };
    }),
  // Nightly snapshots: on by default for the embedded database, off on PostgreSQL (whose pg_dump is the tool there).
  SENTINEL_BACKUP: z.enum(["on", "off"]).optional(),
  SENTINEL_BACKUP_AT: z
    .string()
    .default("02:30")
    .refine((s) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(s), "a time like 02:30 (Asia/Shanghai)")
    .transform((s) => {
      const [hour, minute] = s.split(":").map(Number) as [number, number];
      return { hour, minute };
    }),
  SENTINEL_BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  SENTINEL_BACKUP_DIR: z.string().min(1).optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-DEF… (from @BotFather)").optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[\w-]{1,256}$/, "letters, digits, _ and - only (Telegram's rule)").optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  TELEGRAM_DELETE_GROUP_TIPS: z.enum(["on", "off"]).default("on"),
  WECHATY_PUPPET: z.string().min(1).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  WECHAT_ACCEPT_FRIENDS: z.enum(["on", "off"]).default("on"),
  WECHAT_SEND_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  WECHAT_SEND_JITTER_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  /** WeCom's intelligent robot (long connection), from 企业微信管理后台 → 智能机器人 → API 模式; WECOM_WS_URL for a private deployment. */
  WECOM_BOT_ID: z.string().min(1).optional(),
  WECOM_BOT_SECRET: z.string().min(1).optional(),
  WECOM_WS_URL: z.string().regex(/^wss?:\/\//, "must be a ws:// or wss:// URL").optional(),
  /** DingTalk's robot in Stream mode: the app's Client ID and Secret; the OpenAPI's and the older API's base for a private deployment. */
  DINGTALK_CLIENT_ID: z.string().min(1).optional(),
  DINGTALK_CLIENT_SECRET: z.string().min(1).optional(),
  DINGTALK_ROBOT_CODE: z.string().min(1).optional(),
  DINGTALK_API_URL: z.string().url().optional(),
  DINGTALK_OAPI_URL: z.string().url().optional(),
  /** Feishu/Lark's bot (long connection): the app's App ID (cli_…) and Secret; FEISHU_DOMAIN for Lark or a private deployment. */
  FEISHU_APP_ID: z.string().regex(/^cli_[0-9a-fA-F]{16}$/, "must look like cli_ followed by 16 hex digits (the app's App ID)").optional(),
  FEISHU_APP_SECRET: z.string().min(1).optional(),
  FEISHU_DOMAIN: z.string().url().optional(),
  /** Files people send (photos, documents) go to S3-compatible object storage at this URL, else to `<DATA_DIR>/files`. */
  SENTINEL_FILES_S3_URL: z.string().url().optional(),
  /** The largest file the bot keeps, in MB (Telegram's bots can download up to 20). */
  SENTINEL_FILE_MAX_MB: z.coerce.number().int().min(1).max(100).default(20),
  /** Minutes a web ledger link (`网页`) stays valid, and hours a web session lasts. */
  SENTINEL_WEB_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  SENTINEL_WEB_SESSION_HOURS: z.coerce.number().int().min(1).max(72).default(8),
  /** The address officials open the web ledger at (e.g. https://sentinel.example.gov.cn); default http://localhost:<SENTINEL_HTTP_PORT>. */
  SENTINEL_WEB_URL: z.string().url().optional(),
  /** The web ledger's port (`/web` only); put a reverse proxy in front of it. */
  SENTINEL_HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The operator's port, `/healthz` and `/metrics`, apart from the web; off unless set. */
  SENTINEL_OPS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The interface the ops port listens on: the loopback unless told (`0.0.0.0` in a container whose port is published). */
  SENTINEL_OPS_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FILE: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Settings that only make sense together. */
function crossCheck(c: Config): string[] {
  const problems: string[] = [];
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) problems.push("  TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL, so only Telegram can post updates");
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) problems.push("  TELEGRAM_WEBHOOK_URL: needs TELEGRAM_BOT_TOKEN");
  if (c.SENTINEL_OPS_PORT && c.SENTINEL_OPS_PORT === c.SENTINEL_HTTP_PORT) problems.push("  SENTINEL_OPS_PORT: must differ from SENTINEL_HTTP_PORT (the metrics stay off the web ledger's port)");
  for (const [id, secret] of [["WECOM_BOT_ID", "WECOM_BOT_SECRET"], ["DINGTALK_CLIENT_ID", "DINGTALK_CLIENT_SECRET"], ["FEISHU_APP_ID", "FEISHU_APP_SECRET"]] as const) {
    if (!!c[id] !== !!c[secret]) problems.push(`  ${c[id] ? secret : id}: required with ${c[id] ? id : secret}`);
  }
  return problems;
}

/** Whether any chat platform is configured (else the bot runs on the console). */
export function anyPlatform(c: Config): boolean {
  return !!(c.TELEGRAM_BOT_TOKEN || c.WECHATY_PUPPET || c.WECOM_BOT_ID || c.DINGTALK_CLIENT_ID || c.FEISHU_APP_ID);
}

export class ConfigError extends Error {}

/** Where backups go, and whether the nightly one is taken (the embedded database: unless turned off; PostgreSQL: if asked). */
export function backupSettings(c: Config): { dir: string; nightly: boolean } {
  return {
    dir: c.SENTINEL_BACKUP_DIR ?? path.join(c.DATA_DIR, "backups"),
    nightly: c.SENTINEL_BACKUP ? c.SENTINEL_BACKUP === "on" : !c.DATABASE_URL,
  };
}

/** Parses the environment; throws a ConfigError naming each wrong setting and what it must be. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blank = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(blank);
  if (parsed.success) {
    const problems = crossCheck(parsed.data);
    if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
    return parsed.data;
  }
  const lines = parsed.error.issues.map((i) => `  ${String(i.path[0] ?? "?")}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/**
 * A JSON file a setting points to, read and checked against `schema` at start. A file that cannot be read or does not
 * fit stops start-up with a ConfigError naming the setting and each wrong field.
 */
export function loadJsonSetting<T>(setting: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${setting}: cannot read ${file} as JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${setting}: ${i.path.join(".") || "(file)"}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
