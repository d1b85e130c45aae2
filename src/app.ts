import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";
import { createBot, type Bot, type BotDeps } from "./core/bot.ts";
import { Prompts } from "./core/i18n.ts";
import { loadIndicators } from "./core/indicators.ts";
import { loadIndustries } from "./core/industries.ts";
import { prepareFirstAdmin } from "./core/features/setup.ts";
import { openBlobs } from "./store/blobs.ts";
import { openStore, type Store } from "./store/index.ts";
import { Sealer, SecretError, loadSecret } from "./core/sealer.ts";
import { loadRewardRules } from "./core/tip-rules.ts";
import { loadHolidayCalendar } from "./core/holidays.ts";
import { loadCampaigns } from "./core/campaigns.ts";
import { loadChecklists } from "./core/checklists.ts";

export interface App {
  bot: Bot;
  store: Store;
  prompts: Prompts;
  /** The one-time code for the first admin, when there is none yet. */
  adminCode: string | null;
  /** What the bot was built from, for the scheduled jobs. */
  deps: BotDeps;
  close(): Promise<void>;
}

/** Opens (and migrates) the store and wires the bot. Shared by `main.ts` and the tests. */
export async function createApp(config: Config, log: Logger, clock: () => Date = () => new Date(), opts: { inMemory?: boolean } = {}): Promise<App> {
  const rewardRules = loadRewardRules(config.SENTINEL_TIP_REWARD_RULES);
  const campaigns = loadCampaigns(config.SENTINEL_CAMPAIGNS);
  const calendar = loadHolidayCalendar(config.SENTINEL_HOLIDAYS);
  const sealer = new Sealer(loadSecret(config.SENTINEL_SECRET, opts.inMemory ? null : config.DATA_DIR));
  // The prompts, the indicators and the checklists are read while the database opens (it waits on files and on
  // WebAssembly compiled off the main thread), not after.
  const opening = openStore({ url: config.DATABASE_URL, dataDir: opts.inMemory ? null : config.DATA_DIR });
  opening.catch(() => undefined);
  let read: { prompts: Prompts; indicators: ReturnType<typeof loadIndicators>; checklists: ReturnType<typeof loadChecklists>; industries: ReturnType<typeof loadIndustries> };
  try {
    const indicators = loadIndicators();
    read = { prompts: new Prompts(), indicators, checklists: loadChecklists(indicators), industries: loadIndustries(indicators) };
  } catch (err) {
    await (await opening.catch(() => null))?.close();
    throw err;
  }
  const store = await opening;
  try {
    await checkSecret(store, sealer);
  } catch (err) {
    await store.close();
    throw err;
  }
  const { prompts, indicators, checklists, industries } = read;
  const deps: BotDeps = {
    store, prompts, config, log, clock, indicators, sealer, rewardRules,
    calendar,
    campaigns,
    checklists,
    industries,
    blobs: await openBlobs(config, opts),
  };
  const bot = createBot(deps);
  const adminCode = await store.transaction((repo) => prepareFirstAdmin(repo, config.SENTINEL_ADMINS));
  return { bot, store, prompts, adminCode, deps, close: () => store.close() };
}

/**
 * The database remembers a fingerprint of the secret it was first used with: a process with another secret could
 * match no receipt code and open no tip, so it refuses to start instead.
 */
async function checkSecret(store: Store, sealer: Sealer): Promise<void> {
  const mine = sealer.fingerprint();
  const stored = await store.transaction(async (repo) => {
    const s = await repo.getSetting("secret-fingerprint");
    if (!s) await repo.setSetting("secret-fingerprint", mine);
    return s ?? mine;
  });
  if (stored !== mine) {
    throw new SecretError(
      "This database was set up with another server secret, so its tips cannot be read. Start with the same " +
        "SENTINEL_SECRET (or the same DATA_DIR/secret.key) as the first process that used it.",
    );
  }
}
