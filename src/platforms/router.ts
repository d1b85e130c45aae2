import type { Bot } from "../core/bot.ts";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../core/messages.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../ops/metrics.ts";

/**
 * Joins the platforms to the bot: each incoming message is handled and its replies are sent by the platform they
 * are for (a notice may go to another platform than the message came from). A failed reply is logged and the next
 * one sent: the data behind it is committed, and one unreachable chat must not stop the others.
 */
export class Router {
  private readonly byPlatform = new Map<string, ChatAdapter>();

  constructor(
    adapters: ChatAdapter[],
    private readonly bot: Bot,
    private readonly log: Logger,
    /** None when nothing serves them (no HTTP endpoint): then nothing is counted. */
    private readonly metrics?: Metrics,
  ) {
    for (const a of adapters) this.byPlatform.set(a.platform, a);
  }

  /**
   * `/metrics` counts what the log records, no more: a message is counted (and timed) when the bot answered it in the
   * normal lane. The anonymous lane, which the log leaves out, and chatter the bot does not answer (nor log) are not
   * counted, so the metrics and the log together cannot time a tipster's messages.
   */
  readonly handle = async (msg: IncomingMessage): Promise<void> => {
    const started = process.hrtime.bigint();
    let answered = false;
    // The replies, as soon as they are committed; then what after-commit work sends (an export's file), as it does.
    const deliver = async (out: OutgoingMessage[]): Promise<void> => {
      // One reply that cannot be delivered (a blocked chat) does not hold back the others.
      for (const o of out) await this.send(o).catch(() => undefined);
      // Counted and timed once, at its first answer: an export's file minutes later is not the message's latency.
      if (!answered && out.length && !out.some((o) => o.lane === "anonymous")) {
        answered = true;
        this.metrics?.updates.inc({ platform: msg.platform });
        this.metrics?.latency.observe({ platform: msg.platform }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    };
    await deliver(await this.bot.handle(msg, deliver));
  };

  /** Sends one message by its platform; a failure is logged (without the message) and thrown, so a job can retry it. */
  readonly send = async (o: OutgoingMessage): Promise<void> => {
    const adapter = this.byPlatform.get(o.platform);
    try {
      if (!adapter) throw new Error(`no adapter for platform ${o.platform}`);
      await adapter.send(o);
      if (o.lane !== "anonymous") this.metrics?.replies.inc({ platform: o.platform });
    } catch (err) {
      this.metrics?.errors.inc({ where: "send" });
      this.log.error({ module: "router", op: "send", platform: o.platform, err }, "send failed");
      throw err;
    }
  };
}
