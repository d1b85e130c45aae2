import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeLedger } from "../../reports/ledger.ts";
import { Refusal, type Ctx } from "../context.ts";
import { excerpt } from "../input.ts";
import { parseLedgerArgs } from "../parse.ts";
import type { Feature } from "../bot.ts";

/** Hazards read per page of a ledger export (one short read each). */
export const LEDGER_PAGE = 1000;

/**
 * `导出台账 [重大|全部] [期间]`: the 隐患台账 of the units the official acts for (this group's unit, or in private every unit
 * they hold), as an .xlsx — one row per hazard, with its channel, 五到位 plan, 督办 and close-out; `重大` gives the
 * 重大事故隐患台账 with each enterprise's 主要负责人. The message's transaction only checks and answers; the ledger is
 * read and written after the commit (`afterCommit`), page by page, streamed to a temporary file that is sent and removed.
 */
export async function ledger(ctx: Ctx, args: string): Promise<void> {
  const units = await ctx.officialUnits();
  const asked = parseLedgerArgs(args, ctx.today);
  if (!asked) throw new Refusal("ledger-usage");
  const { deps, lang } = ctx;
  const t = (id: string, a?: Record<string, string | number>) => deps.prompts.t(lang, id, a);
  const unit = !ctx.binding && ctx.isSuperAdmin ? t("scope-all") : ctx.list(units.map((u) => u.name));
  const kind = t(asked.majorOnly ? "ledger-kind-major" : "ledger-kind-all");
  const period = asked.period?.label ?? t("ledger-period-all");
  const to = { platform: ctx.msg.platform, chatId: ctx.msg.chatId, replyToMessageId: ctx.msg.messageId };
  ctx.reply("ledger-started", { unit, kind, period });
  ctx.afterCommit(async (send) => {
    const dir = await mkdtemp(path.join(tmpdir(), "sentinel-ledger-"));
    try {
      const file = path.join(dir, "ledger.xlsx");
      const { rows } = await writeLedger({
        store: deps.store,
        paths: units.map((u) => u.path),
        majorOnly: asked.majorOnly,
        period: asked.period,
        t,
        title: t("ledger-title", { unit, kind, period }),
        file,
        pageSize: LEDGER_PAGE,
      });
      if (rows === 0) {
        await send([{ ...to, text: t("ledger-empty", { unit, kind, period }) }]);
        return;
      }
      const filename = `${t("ledger-filename", { unit: excerpt(unit, 30), kind, period }).replace(/[\\/:*?"<>|\s]+/g, "_")}.xlsx`;
      await send([{ ...to, text: t("ledger-done", { unit, kind, period, rows }), file: { kind: "document", filename, path: file, failed: t("file-not-sent", { filename }) } }]);
    } catch (err) {
      // Kind and first line only (the log's serializer); the official may simply ask again.
      deps.log.error({ module: "ledger", op: "export", err }, "ledger export failed");
      await send([{ ...to, text: t("ledger-failed") }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** 隐患台账 exports. */
export const ledgers: Feature = {
  commands: { ledger },
};
