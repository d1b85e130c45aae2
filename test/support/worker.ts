/**
 * A bot process for the two-process tests: the app on `DATABASE_URL` with the clock at `AT`. It waits for the file
 * `GO` (so two processes act at the same moment), then runs one reminder round (`JOB=remind`), one self-inspection
 * round (`JOB=checks`), or handles the message in `MESSAGE` (`JOB=message`, JSON), printing one JSON line per message it
 * would send.
 */
import { existsSync } from "node:fs";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/app.ts";
import { runDeadlineReminders } from "../../src/reminders/deadlines.ts";
import { runCheckRounds } from "../../src/reminders/checks.ts";
import type { IncomingMessage, OutgoingMessage } from "../../src/core/messages.ts";

const config = loadConfig();
const at = new Date(process.env.AT!);
const app = await createApp(config, pino({ level: "silent" }), () => at);
const print = async (m: OutgoingMessage) => void process.stdout.write(JSON.stringify({ chatId: m.chatId, text: m.text }) + "\n");
process.stdout.write("ready\n");
while (!existsSync(process.env.GO!)) await new Promise((r) => setTimeout(r, 5));
if (process.env.JOB === "message") {
  for (const m of await app.bot.handle(JSON.parse(process.env.MESSAGE!) as IncomingMessage)) await print(m);
  process.stdout.write(JSON.stringify({ done: true }) + "\n");
} else if (process.env.JOB === "checks") {
  const result = await runCheckRounds(app.deps, print);
  process.stdout.write(JSON.stringify({ done: result }) + "\n");
} else {
  const result = await runDeadlineReminders(app.deps, print);
  process.stdout.write(JSON.stringify({ done: result }) + "\n");
}
await app.close();
