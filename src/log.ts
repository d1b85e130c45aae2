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
  return pino({ level: opts.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, dest);
}
