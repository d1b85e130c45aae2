import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The bot's Prometheus metrics, in their own registry (served at /metrics when the HTTP endpoint is on). */
export class Metrics {
  readonly registry = new Registry();
  readonly updates = new Counter({ name: "sentinel_updates_total", help: "Incoming messages answered, as the log records them (not the anonymous lane, not unanswered chatter)", labelNames: ["platform"], registers: [this.registry] });
  readonly replies = new Counter({ name: "sentinel_replies_total", help: "Messages sent (not the anonymous lane's answers)", labelNames: ["platform"], registers: [this.registry] });
  readonly reminders = new Counter({ name: "sentinel_reminders_total", help: "Deadline reminders", labelNames: ["outcome"], registers: [this.registry] });
  readonly errors = new Counter({ name: "sentinel_errors_total", help: "Failures", labelNames: ["where"], registers: [this.registry] });
  readonly latency = new Histogram({
    name: "sentinel_handle_seconds",
    help: "Time from an incoming message to its replies being sent (messages counted in sentinel_updates_total)",
    labelNames: ["platform"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "sentinel_" });
  }
}
