import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";
import { createBot, type Bot } from "./core/bot.ts";
import { Prompts } from "./core/i18n.ts";
import { loadIndicators } from "./core/indicators.ts";
import { prepareFirstAdmin } from "./core/features/setup.ts";
import { openStore, type Store } from "./store/index.ts";

export interface App {
  bot: Bot;
  store: Store;
  prompts: Prompts;
  /** The one-time code for the first admin, when there is none yet. */
  adminCode: string | null;
  close(): Promise<void>;
}

/** Opens (and migrates) the store and wires the bot. Shared by `main.ts` and the tests. */
export async function createApp(config: Config, log: Logger, clock: () => Date = () => new Date(), opts: { inMemory?: boolean } = {}): Promise<App> {
  const store = await openStore({ url: config.DATABASE_URL, dataDir: opts.inMemory ? null : config.DATA_DIR });
  const prompts = new Prompts();
  const bot = createBot({ store, prompts, config, log, clock, indicators: loadIndicators() });
  const adminCode = await store.transaction((repo) => prepareFirstAdmin(repo, config.SENTINEL_ADMINS));
  return { bot, store, prompts, adminCode, close: () => store.close() };
}
