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
  return pino({ level: opts.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: safeError } }, dest);
}

/**
 * An error as the log may hold it: its kind, message, code and stack, and nothing else. Libraries attach what they
 * were doing to their errors (grammY's carries the request payload: a chat id and the message text); that must not
 * reach a log line, where it could name a tipster or quote a private chat.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { code?: unknown; error_code?: unknown; description?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.error_code !== undefined ? { code: e.error_code } : {}),
    ...(typeof e.description === "string" ? { description: e.description } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}
