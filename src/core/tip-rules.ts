import { z } from "zod";
import { ACCIDENT_GRADES, DEFAULT_REWARD_RULES, TIP_KINDS, type RewardRules } from "../domain/tips.ts";
import { loadJsonSetting } from "../config.ts";

const yuan = z.number().int().min(0);
const rule = z.discriminatedUnion("type", [
  z.object({ type: z.literal("fine-share"), rate: z.number().min(0).max(1), min: yuan, max: yuan }),
  z.object({
    type: z.literal("per-death"),
    perDeath: z.object(Object.fromEntries(ACCIDENT_GRADES.map((g) => [g, yuan])) as Record<(typeof ACCIDENT_GRADES)[number], typeof yuan>),
    max: yuan,
  }),
  z.object({ type: z.literal("fixed"), amount: yuan }),
  z.object({ type: z.literal("none") }),
]);
const file = z.object(Object.fromEntries(TIP_KINDS.map((k) => [k, rule.optional()])) as Record<(typeof TIP_KINDS)[number], z.ZodOptional<typeof rule>>).strict();

/**
 * The reward rules: the national defaults, with any kind the file at `SENTINEL_TIP_REWARD_RULES` overrides
 * (JSON, e.g. `{ "OTHER": { "type": "fixed", "amount": 500 } }`). A wrong file stops start-up, naming the setting.
 */
export function loadRewardRules(filePath: string | undefined): RewardRules {
  if (!filePath) return DEFAULT_REWARD_RULES;
  const data = loadJsonSetting("SENTINEL_TIP_REWARD_RULES", filePath, file);
  const overrides = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_REWARD_RULES, ...overrides } as RewardRules;
}
