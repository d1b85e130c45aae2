import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Where the operator's gauges read from at each scrape (see `ops/gauges.ts`); each may fail, leaving its gauge unset. */
export interface GaugeSources {
  /** Open and overdue hazards of every unit. */
  hazards(): Promise<{ open: number; overdue: number }>;
  /** Seconds since the newest backup in the backup folder; null when there is none. */
  backupAge(): number | null;
}

/** The `where` labels of `sentinel_errors_total`: each has a series from start (0), so a rate() sees the first error. */
export const ERROR_PLACES = ["scheduler", "backup", "send", "web"] as const;

/** The bot's Prometheus metrics, in their own registry (served at /metrics on the ops port). */
export class Metrics {
  readonly registry = new Registry();
  readonly updates = new Counter({ name: "sentinel_updates_total", help: "Incoming messages answered, as the log records them (not the anonymous lane, not unanswered chatter)", labelNames: ["platform"], registers: [this.registry] });
  readonly replies = new Counter({ name: "sentinel_replies_total", help: "Messages sent (not the anonymous lane's answers)", labelNames: ["platform"], registers: [this.registry] });
  readonly reminders = new Counter({ name: "sentinel_reminders_total", help: "Deadline reminders", labelNames: ["outcome"], registers: [this.registry] });
  readonly errors = new Counter({ name: "sentinel_errors_total", help: "Failures", labelNames: ["where"], registers: [this.registry] });
  readonly webRequests = new Counter({ name: "sentinel_web_requests_total", help: "Requests the web ledger answered, by status class (2xx, 3xx, 4xx, 5xx)", labelNames: ["status"], registers: [this.registry] });
  readonly latency = new Histogram({
    name: "sentinel_handle_seconds",
    help: "Time from an incoming message to its replies being sent (messages counted in sentinel_updates_total)",
    labelNames: ["platform"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(sources?: GaugeSources) {
    collectDefaultMetrics({ register: this.registry, prefix: "sentinel_" });
    for (const where of ERROR_PLACES) this.errors.inc({ where }, 0);
    for (const status of ["2xx", "3xx", "4xx", "5xx"]) this.webRequests.inc({ status }, 0);
    if (!sources) return;
    const hazards = { open: 0, overdue: 0 };
    // One store read per scrape serves both hazard gauges: the first one collected reads, the second reuses it.
    let reading: Promise<void> | null = null;
    const read = () =>
      (reading ??= sources
        .hazards()
        .then((h) => Object.assign(hazards, h))
        .catch(() => undefined)
        .then(() => void setImmediate(() => (reading = null))));
    new Gauge({
      name: "sentinel_hazards_open",
      help: "Hazards not yet closed, rejected, merged or withdrawn, in every unit",
      registers: [this.registry],
      async collect() {
        await read();
        this.set(hazards.open);
      },
    });
    new Gauge({
      name: "sentinel_hazards_overdue",
      help: "Open hazards past their rectification or supervision deadline, in every unit",
      registers: [this.registry],
      async collect() {
        await read();
        this.set(hazards.overdue);
      },
    });
    new Gauge({
      name: "sentinel_backup_age_seconds",
      help: "Seconds since the newest backup in the backup folder was written (+Inf when there is none)",
      registers: [this.registry],
      collect() {
        this.set(sources.backupAge() ?? Infinity);
      },
    });
  }
}
