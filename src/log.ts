import { pino, type Logger } from "pino";

export type { Logger };

/**
 * One structured log for the process: `log.info({ module, op, ... }, "what happened")`.
 * Never log message text or a sender's identity from a private chat; ids of hazards and units are fine.
 */
export function createLogger(opts: { level: string; file?: string | undefined; stdout?: boolean }): Logger {
  // A file log is written synchronously: an async one is not "ready" for the first few milliseconds, and a
  // start-up that exits early (bad setting, locked database) would then lose its last lines or crash on flush.
  const dest = opts.file ? pino.destination({ dest: opts.file, mkdir: true, sync: true }) : pino.destination({ dest: opts.stdout ? 1 : 2, sync: true });
  // Stacks name the install's absolute paths: only a debug log carries them.
  const debug = ["debug", "trace"].includes(opts.level);
  return pino({ level: opts.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: (e: unknown) => safeError(e, { stack: debug }) } }, dest);
}

/** The longest message a log line keeps of an error. */
const MAX_MESSAGE = 120;

/**
 * An error as the log may hold it: its kind, code and a short message — the stack only in a debug log — and nothing
 * else. Libraries attach what they were doing to their errors: grammY's carries the request payload (a chat id and the
 * message text); Prisma's and the database driver's messages quote the request and its values (`where: { id: 1 }`,
 * `data: { fineYuan: … }`, a value out of range), which could date a tip or show its amount. From those only the kind
 * and code are kept.
 */
export function safeError(err: unknown, opts: { stack?: boolean } = {}): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { code?: unknown; error_code?: unknown; description?: unknown };
  const fromStore = /prisma|driveradapter|database|postgres|pglite/i.test(`${e.name} ${e.constructor?.name ?? ""}`);
  const firstLine = e.message.split("\n").find((l) => l.trim()) ?? "";
  return {
    type: e.name,
    ...(fromStore ? {} : { message: firstLine.length > MAX_MESSAGE ? `${firstLine.slice(0, MAX_MESSAGE)}…` : firstLine }),
    ...(typeof e.code === "string" || typeof e.code === "number" ? { code: e.code } : {}),
    ...(e.error_code !== undefined ? { code: e.error_code } : {}),
    ...(typeof e.description === "string" ? { description: e.description.slice(0, MAX_MESSAGE) } : {}),
    ...(opts.stack && e.stack ? { stack: e.stack } : {}),
  };
}
