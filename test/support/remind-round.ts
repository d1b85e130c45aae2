/**
 * One reminder round as its own process, for the two-process test: the app on `DATABASE_URL` with the clock at
 * `AT`, sending by printing one JSON line per message to stdout. Waits for `GO` (a file) so two processes start
 * their rounds together.
 */
import { existsSync } from "node:fs";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/app.ts";
import { runDeadlineReminders } from "../../src/reminders/deadlines.ts";

const config = loadConfig();
const at = new Date(process.env.AT!);
const app = await createApp(config, pino({ level: "silent" }), () => at);
process.stdout.write("ready\n");
while (!existsSync(process.env.GO!)) await new Promise((r) => setTimeout(r, 5));
const result = await runDeadlineReminders(app.deps, async (m) => {
  process.stdout.write(JSON.stringify({ chatId: m.chatId, text: m.text }) + "\n");
});
process.stdout.write(JSON.stringify({ done: result }) + "\n");
await app.close();
