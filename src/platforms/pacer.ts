/**
 * A platform's send limits, kept: every window is a sliding one (no more than `count` sends in any `ms`), overall and
 * per chat. A chat's sends go out in order; chats wait their turn for the overall budget first come, first served, so
 * a reminder round to many chats runs at the overall limit and no chat goes past its own.
 */
export interface Window {
  count: number;
  ms: number;
}

export interface SendLimits {
  overall: Window[];
  perChat: Window[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How long until one more send fits every window, given the times of the sends so far (oldest first). */
function waitFor(times: number[], windows: Window[], now: number): number {
  let wait = 0;
  for (const w of windows) {
    if (times.length < w.count) continue;
    wait = Math.max(wait, times[times.length - w.count]! + w.ms - now);
  }
  return wait;
}

function record(times: number[], windows: Window[], now: number): void {
  times.push(now);
  const keep = Math.max(0, ...windows.map((w) => w.count));
  if (times.length > keep) times.splice(0, times.length - keep);
}

export class Pacer {
  private readonly overall: number[] = [];
  private readonly chats = new Map<string, { times: number[]; chain: Promise<void>; pending: number }>();
  /** The queue for the overall budget: one slot is handed out at a time. */
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly limits: SendLimits) {}

  /** Runs `send` when the limits allow it; resolves or rejects with it. */
  run<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    const chat = this.chats.get(chatId) ?? { times: [], chain: Promise.resolve(), pending: 0 };
    this.chats.set(chatId, chat);
    chat.pending++;
    const result = chat.chain.then(async () => {
      for (let w = waitFor(chat.times, this.limits.perChat, Date.now()); w > 0; w = waitFor(chat.times, this.limits.perChat, Date.now())) await sleep(w);
      await this.slot();
      record(chat.times, this.limits.perChat, Date.now());
      try {
        return await send();
      } finally {
        // A send counts from when the platform answered it, so no window of arrivals there holds more than the limit.
        const i = this.overall.lastIndexOf(-1);
        if (i >= 0) this.overall[i] = Date.now();
      }
    });
    chat.chain = result.then(
      () => undefined,
      () => undefined,
    );
    // A chat that has nothing waiting and whose windows have passed is forgotten (10,000 chats must not stay in memory).
    void chat.chain.then(() => {
      if (--chat.pending === 0 && this.limits.perChat.every((w) => chat.times.length === 0 || chat.times.at(-1)! + w.ms < Date.now())) this.chats.delete(chatId);
    });
    return result;
  }

  /**
   * Waits for the overall budget. A send still in flight holds its place in the window (-1) until it is answered:
   * the window counts from the answers, not from when sends were started.
   */
  private slot(): Promise<void> {
    const mine = this.turn.then(async () => {
      for (;;) {
        const now = Date.now();
        const busy = this.limits.overall.some((w) => this.overall.length >= w.count && this.overall[this.overall.length - w.count] === -1);
        const w = busy ? 10 : waitFor(this.overall, this.limits.overall, now);
        if (w <= 0) break;
        await sleep(w);
      }
      record(this.overall, this.limits.overall, -1);
    });
    this.turn = mine;
    return mine;
  }
}

/** Splits text into parts of at most `max` characters, at line ends where it can. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * What an SDK's own logger may pass on: its words up to the first value (`Reply ack error: reqId=…` → `Reply ack
 * error`). SDKs log frames' bodies (a sender's id, a message's text) at debug level and values in their warnings: none
 * of that may reach the log, where a tipster's id must never be.
 */
export function sdkWords(args: unknown[]): string {
  const first = args.map((a) => (typeof a === "string" ? a : "")).join(" ");
  return first.replace(/\[[^\]]*\]/g, "").split(/[:=,{[]/)[0]!.trim().slice(0, 80);
}
