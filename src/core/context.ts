import type { BlobStore } from "../store/blobs.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { holdsRole, regulates, topUnits, type Grant } from "../domain/permissions.ts";
import { shanghaiDate } from "../domain/dates.ts";
import type { MajorHazardIndicator } from "../domain/major-hazard.ts";
import type { Role, UnitKind } from "../domain/types.ts";
import type { BindingRow, MessageClaim, Repo, UnitRow, UserRow } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { pickLang, type Args, type Lang, type Prompts } from "./i18n.ts";
import type { IncomingMessage, OutgoingMessage } from "./messages.ts";
import { excerpt } from "./input.ts";
import type { Sealer } from "./sealer.ts";
import type { RewardRules } from "../domain/tips.ts";
import type { HolidayCalendar } from "../domain/calendar.ts";
import type { Campaign } from "../domain/campaign.ts";
import type { ChecklistTemplate } from "../domain/checks.ts";
import type { Industries } from "../domain/industries.ts";

/** What the bot is built from; injected, never module singletons (tests pass their own clock). */
export interface BotDeps {
  store: Store;
  prompts: Prompts;
  config: Config;
  log: Logger;
  clock: () => Date;
  indicators: readonly MajorHazardIndicator[];
  sealer: Sealer;
  rewardRules: RewardRules;
  /** Working days (official holidays and make-up days). */
  calendar: HolidayCalendar;
  /** The campaigns, oldest first: each brings its obligations, figures and statistics table. */
  campaigns: readonly Campaign[];
  /** The self-inspection checklist templates (prompts/checklists/). */
  checklists: readonly ChecklistTemplate[];
  /** Industries: which are 高危行业, which standards hint their reports (prompts/industries.json). */
  industries: Industries;
  /** Where the files people send are kept (photos, documents; not tips', which are sealed in the store). */
  blobs: BlobStore;
}

/**
 * A refusal: the reason and what to do instead, as a prompt id. Thrown anywhere in a handler; the transaction
 * rolls back and the person gets the text.
 */
export class Refusal extends Error {
  readonly args: Args;
  constructor(
    readonly id: string,
    args: Args = {},
  ) {
    super(id);
    // A refusal may repeat what was typed (a unit, a person, a word it did not know): only an excerpt of it, so a
    // long message is not echoed back whole.
    this.args = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, ECHOED_ARGS.has(k) && typeof v === "string" ? excerpt(v, 60) : v]));
  }
}

/** The refusal arguments that may carry a person's own words. */
const ECHOED_ARGS: ReadonlySet<string> = new Set(["unit", "who", "word", "input", "period", "date", "number", "tipUnit"]);

/** Refuses text longer than `limit` characters (counted as people count them, not UTF-16 units). */
export function checkLength(text: string, limit: number): void {
  if ([...text].length > limit) throw new Refusal("refuse-too-long", { limit });
}

/** Hands messages on to be sent now; resolves when they are out (or failed: a failed send is the sender's to log). */
export type Deliver = (out: OutgoingMessage[]) => Promise<void>;

/**
 * Work a handler leaves for after its message's transaction has committed (see `Ctx.afterCommit`). It runs outside any
 * transaction — it opens its own short ones on `deps.store` — and sends what it has to say with `send`, in order.
 */
export type AfterCommitJob = (send: Deliver) => Promise<void>;

/**
 * How a message is claimed, so that a redelivery is not handled twice. A private chat's claim is a keyed hash dated to
 * the day, like the tip lane's: the claim table is no log of who wrote to the bot privately, and when.
 */
export function claimOf(deps: BotDeps, msg: IncomingMessage): MessageClaim {
  return msg.chatType === "private"
    ? { hashed: deps.sealer.hashChat("claim", msg.platform, msg.chatId, msg.messageId), day: shanghaiDate(deps.clock()) }
    : { platform: msg.platform, chatId: msg.chatId, messageId: msg.messageId };
}

/** The sealed key of a private chat's tip dialog (`AnonCtx.key`): the store never sees whose chat it is. */
export const tipDialogKey = (deps: BotDeps, msg: IncomingMessage): string => deps.sealer.hashChat("dialog", msg.platform, msg.chatId, msg.sender.id);

/** One incoming message being handled, inside its transaction. */
export class Ctx {
  readonly out: OutgoingMessage[] = [];
  /** Work for after the commit, in order (see `afterCommit`). */
  readonly later: AfterCommitJob[] = [];
  readonly now: Date;
  readonly today: string;
  readonly lang: Lang;
  private grantCache: Grant[] | null = null;

  constructor(
    readonly deps: BotDeps,
    readonly msg: IncomingMessage,
    readonly repo: Repo,
    readonly user: UserRow & { grants?: Grant[] },
    readonly binding: BindingRow | null,
  ) {
    // Read with the sender's row when it was refreshed (`touchUser`): no statement of its own.
    this.grantCache = user.grants ?? null;
    this.now = deps.clock();
    this.today = shanghaiDate(this.now);
    // A group speaks one language (its 群语言, else the deployment's); a person's own language is for their private chat.
    this.lang = msg.chatType === "private" ? pickLang(user.lang ?? msg.sender.lang, deps.config.SENTINEL_LANG) : pickLang(binding?.lang, deps.config.SENTINEL_LANG);
  }

  /** A role's name in the words of the unit's side: 监管人员 in a regulator, 安全管理员 in an enterprise. */
  roleName(role: Role, kind: UnitKind | null): string {
    if (role === "OFFICIAL") return this.t(kind === "REGULATOR" ? "role-official-regulator" : kind ? "role-official-enterprise" : "role-official");
    return this.t(`role-${role.toLowerCase()}`);
  }

  /** Whether the sender is a regulator over the hazard's unit (see `regulates`). */
  async regulates(h: { unit: UnitRow }): Promise<boolean> {
    return regulates(await this.grants(), h.unit.path, this.isSuperAdmin);
  }

  t(id: string, args?: Args): string {
    return this.deps.prompts.t(this.lang, id, args);
  }

  /** Joins items the way the language lists them (`甲、乙` / `a, b`). */
  list(items: readonly string[]): string {
    return items.join(this.t("list-separator"));
  }

  /**
   * Leaves work for after this message's transaction commits: a large export that must not hold the transaction, nor
   * wait in it. `ctx.repo` is gone by then (the job reads through `deps.store`). It runs only when the message commits
   * (a refusal drops it), after the message's replies are handed on, one such job at a time in the process; what it
   * sends goes out like a reply. A job that throws is logged and the chat told of an internal error.
   */
  afterCommit(job: AfterCommitJob): void {
    this.later.push(job);
  }

  /** Answers in this chat, as a reply to the message. */
  reply(id: string, args?: Args): void {
    this.replyText(this.t(id, args));
  }

  replyText(text: string): void {
    this.out.push({ platform: this.msg.platform, chatId: this.msg.chatId, text, replyToMessageId: this.msg.messageId });
  }

  /** Tells another chat (e.g. the reporter's group); skipped when it is this chat, which sees the reply anyway. */
  notify(to: { platform: string; chatId: string; replyToMessageId?: string }, lang: string | null, id: string, args?: Args): void {
    if (to.platform === this.msg.platform && to.chatId === this.msg.chatId) return;
    const text = this.deps.prompts.t(pickLang(lang, this.deps.config.SENTINEL_LANG), id, args);
    this.out.push({ ...to, text });
  }

  get isSuperAdmin(): boolean {
    return this.user.superAdmin || this.deps.config.SENTINEL_ADMINS.includes(`${this.msg.platform}:${this.msg.sender.id}`);
  }

  async grants(): Promise<Grant[]> {
    this.grantCache ??= await this.repo.grantsOf(this.user.id);
    return this.grantCache;
  }

  /**
   * Whether the sender holds `role` on `unit`. Every member of a group bound to the unit (or one below it)
   * counts as its worker.
   */
  async can(role: Role, unit: UnitRow): Promise<boolean> {
    if (role === "WORKER" && this.binding && this.binding.unit.path.startsWith(unit.path)) return true;
    return holdsRole(await this.grants(), unit.path, role, this.isSuperAdmin);
  }

  async require(role: Role, unit: UnitRow): Promise<void> {
    if (!(await this.can(role, unit))) {
      throw new Refusal("refuse-role", { role: this.roleName(role, unit.kind), unit: unit.name });
    }
  }

  /**
   * The units an official acts for here: the bound group's unit (refused unless they are its official), or in a
   * private chat the highest units they hold the role on (a super-admin: every top unit).
   */
  async officialUnits(): Promise<UnitRow[]> {
    if (this.binding) {
      await this.require("OFFICIAL", this.binding.unit);
      return [this.binding.unit];
    }
    if (this.isSuperAdmin) return (await this.repo.listUnits()).filter((u) => u.parentId === null);
    const tops = topUnits(await this.grants(), "OFFICIAL");
    if (tops.length === 0) throw new Refusal("refuse-official-nowhere");
    // Only the units held, not the whole tree (a province's thousand units at every question).
    return this.repo.unitsAt(tops);
  }

  /** The bound unit of this chat, or a refusal that says how to bind one. */
  requireBinding(): BindingRow {
    if (this.msg.chatType === "private") throw new Refusal("refuse-group-only");
    if (!this.binding) throw new Refusal("refuse-unbound");
    return this.binding;
  }
}

/**
 * A message of the anonymous lane (a tipster's): no sender row, no user id, no chat id reaches the store or the log.
 * Its dialog is stored under `key`, a keyed hash of the platform, chat and sender.
 */
export class AnonCtx {
  readonly out: OutgoingMessage[] = [];
  readonly now: Date;
  readonly today: string;
  /** The platform's language for the sender, or the one they chose with /lang (read, never written, here). */
  lang: Lang;
  readonly key: string;

  constructor(
    readonly deps: BotDeps,
    readonly msg: IncomingMessage,
    readonly repo: Repo,
  ) {
    this.now = deps.clock();
    this.today = shanghaiDate(this.now);
    this.lang = pickLang(msg.sender.lang, deps.config.SENTINEL_LANG);
    this.key = tipDialogKey(deps, msg);
  }

  t(id: string, args?: Args): string {
    return this.deps.prompts.t(this.lang, id, args);
  }

  /** Answers in this chat; in a group not as a reply, so the tipster's message is not quoted once more. */
  reply(id: string, args?: Args): void {
    this.out.push({
      platform: this.msg.platform,
      chatId: this.msg.chatId,
      text: this.t(id, args),
      ...(this.msg.chatType === "private" ? { replyToMessageId: this.msg.messageId } : {}),
    });
  }
}
