import { feedbackBy, formatTipNumber, investigateBy, tipOverdue, type RewardResult } from "../../domain/tips.ts";
import type { TipEventRow, TipRow } from "../../store/index.ts";
import type { Args } from "../i18n.ts";
import type { Sealer } from "../sealer.ts";
import type { TipContent, TipIdentity } from "./tipster.ts";

interface Speaker {
  t(id: string, args?: Args): string;
  deps: { sealer: Sealer; config: { SENTINEL_TIP_FEEDBACK_DAYS: number } };
}

/** Events the tipster sees (what the handlers said to them, and what they added); internal steps stay internal. */
const TIPSTER_SEES = ["RECEIVED", "QUESTION", "FEEDBACK", "REPLY", "REWARD_APPROVED", "PAID", "CLOSED"];

function eventText(s: Speaker, e: TipEventRow, forHandler: boolean): string {
  const body = e.body ? s.deps.sealer.open<{ text: string; attachments?: string[] }>(e.body) : null;
  const text = body?.text ?? "";
  const photos = body?.attachments?.length ?? 0;
  const who = e.actorName ?? (forHandler ? s.t("tip-actor-tipster") : s.t("tip-actor-you"));
  return s.t(`tip-event-${e.kind}`, {
    on: e.on,
    who: forHandler || e.actorName === null ? who : s.t("tip-actor-handler"),
    text,
    note: text || "none",
    photos,
    amount: typeof e.data?.amount === "number" ? e.data.amount : 0,
    detail: typeof e.data?.detail !== "string" ? "none" : e.kind === "KIND" ? s.t(`tip-kind-${e.data.detail}`) : e.data.detail,
  });
}

function rewardLine(s: Speaker, tip: TipRow): string {
  return s.t(`tip-reward-${tip.reward}`, { amount: tip.rewardYuan ?? 0 });
}

/** What the tipster sees for their code: the state, the conversation with the handlers, the reward. */
export function tipStatusText(s: Speaker, tip: TipRow, events: TipEventRow[]): string {
  const lines = [
    s.t("tip-status-head", {
      number: formatTipNumber(tip.year, tip.id),
      kind: s.t(`tip-kind-${tip.kind}`),
      status: s.t(`tip-status-${tip.status}`),
      received: tip.receivedOn,
      finding: tip.substantiated === null ? "none" : tip.substantiated ? "yes" : "no",
      named: tip.identity ? "yes" : "no",
      notices: tip.contact ? "yes" : "no",
    }),
    rewardLine(s, tip),
  ];
  const seen = events.filter((e) => TIPSTER_SEES.includes(e.kind)).slice(-12);
  if (seen.length) lines.push(s.t("tip-thread"), ...seen.map((e) => eventText(s, e, false)));
  const lastHandler = [...events].reverse().find((e) => e.kind === "QUESTION" || e.kind === "REPLY");
  if (tip.status !== "CLOSED" && lastHandler?.kind === "QUESTION") lines.push(s.t("tip-status-answer-hint"));
  else if (tip.substantiated === true && tip.reward === "NONE") lines.push(s.t("tip-status-claim-hint"));
  return lines.join("\n");
}

/** One line of `/tips`: no identity, no content. */
export function tipLine(s: Speaker, tip: TipRow, today: string): string {
  const late = tipOverdue(tip, today, s.deps.config.SENTINEL_TIP_FEEDBACK_DAYS);
  return s.t("tip-line", {
    number: formatTipNumber(tip.year, tip.id),
    kind: s.t(`tip-kind-${tip.kind}`),
    status: s.t(`tip-status-${tip.status}`),
    received: tip.receivedOn,
    unit: tip.unit.name,
    late: late ?? "none",
    unread: tip.unread ? "yes" : "no",
    claimed: tip.reward === "CLAIMED" ? "yes" : "no",
  });
}

/** The handler's full view of one tip. */
export function tipDetailText(s: Speaker, tip: TipRow, events: TipEventRow[], sameAsNumber: string | null): string {
  const content = s.deps.sealer.open<TipContent>(tip.content);
  const identity = tip.identity ? s.deps.sealer.open<TipIdentity>(tip.identity) : null;
  const feedbackDays = s.deps.config.SENTINEL_TIP_FEEDBACK_DAYS;
  const lines = [
    s.t("tip-detail-head", {
      number: formatTipNumber(tip.year, tip.id),
      unit: tip.unit.name,
      kind: s.t(`tip-kind-${tip.kind}`),
      status: s.t(`tip-status-${tip.status}`),
      received: tip.receivedOn,
      investigateBy: investigateBy(tip),
      extended: tip.extended ? "yes" : "no",
      feedbackBy: feedbackBy(tip, feedbackDays) ?? "none",
      feedbackOn: tip.feedbackOn ?? "none",
    }),
    s.t("tip-detail-where", { where: content.where }),
    s.t("tip-detail-what", { what: content.what, photos: content.attachments.length }),
    identity ? s.t("tip-detail-named", { name: identity.name, phone: identity.phone }) : s.t("tip-detail-anonymous"),
    s.t("tip-detail-facts", {
      fine: tip.fineYuan ?? "none",
      grade: tip.accidentGrade ? s.t(`accident-grade-${tip.accidentGrade}`) : "none",
      deaths: tip.accidentDeaths ?? 0,
      sameAs: sameAsNumber ?? "none",
    }),
    rewardLine(s, tip),
    s.t("tip-thread"),
    ...events.slice(-20).map((e) => eventText(s, e, true)),
  ];
  return lines.join("\n");
}

/** The reward and how it was reached, line by line. */
export function rewardText(s: Speaker, r: RewardResult): string {
  const steps = r.steps.map((step) => {
    const args = { ...step.args };
    if (typeof args.grade === "string") args.grade = s.t(`accident-grade-${args.grade}`);
    return "· " + s.t(step.id, args);
  });
  return [s.t("tip-reward-result", { amount: r.amount }), ...steps].join("\n");
}
