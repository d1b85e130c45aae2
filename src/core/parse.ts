import { parsePeriod, toHalfWidth, type Period } from "../domain/dates.ts";
import { trimInvisible } from "./input.ts";
import { PLAN_FIELDS, type HazardLevel, type HazardStatus, type PlanField, type Role, type UnitKind } from "../domain/types.ts";
import type { RoleSide } from "../domain/units.ts";
import type { AccidentGrade, TipKind } from "../domain/tips.ts";

/** A word's meaning in a table of words, or `null`: only the table's own keys (`constructor` is no level, role or kind). */
function wordIn<T>(table: Record<string, T>, word: string): T | null {
  return Object.hasOwn(table, word) ? table[word]! : null;
}

/** Every command the core understands, by its Latin name. */
export const COMMANDS = [
  "start", "help", "claim", "whoami", "lang",
  "unit-add", "units", "bind", "unbind", "grant", "revoke",
  "report", "cancel",
  "confirm", "reject", "plan", "rectified", "close", "supervise", "unsupervise",
  "duplicate", "withdraw", "apply-close", "return", "unit-kind", "unit-industry", "group-lang", "dual-parties", "deadline-days",
  "status", "mine", "overdue", "list", "stats", "photos", "photo-rule",
  // The tipster's (anonymous lane, private chats only).
  "tip", "tip-status", "tip-reply", "tip-claim", "tip-named", "tip-anon", "tip-notify",
  // The tip handler's (private chats only).
  "tips", "tip-show", "tip-ask", "tip-verify", "tip-extend", "tip-feedback", "tip-hazard", "tip-fine", "tip-accident",
  "tip-same", "tip-reward", "tip-approve", "tip-paid", "tip-close", "tip-handlers", "tip-kind",
  // Obligations, submissions, the statistics table.
  "deadline-add", "deadline-remove", "deadlines", "submitted", "remindme", "record", "export", "ledger", "trend",
  // Report rewards.
  "rewardrules", "myrewards", "payouts", "honor",
  // Self-inspection (日周月排查).
  "checklist", "check-plan", "check", "checks", "check-sign",
  // Operations.
  "backup",
  // The web ledger (网页台账).
  "web",
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Slash spellings (Telegram style; `/unit add` and `/unitadd` both work) and Chinese keywords per command. */
export const SPELLINGS: Record<CommandName, { slash: string[]; zh: string[] }> = {
  start: { slash: ["start"], zh: ["开始"] },
  help: { slash: ["help"], zh: ["帮助", "菜单"] },
  claim: { slash: ["claim"], zh: ["认领管理员"] },
  whoami: { slash: ["whoami", "me"], zh: ["我的身份"] },
  lang: { slash: ["lang", "language"], zh: ["语言"] },
  "unit-add": { slash: ["unit add", "unitadd", "newunit"], zh: ["新建单位", "添加单位"] },
  units: { slash: ["units", "unit list"], zh: ["单位列表"] },
  bind: { slash: ["bind"], zh: ["绑定单位", "绑定"] },
  unbind: { slash: ["unbind"], zh: ["解除绑定", "解绑"] },
  grant: { slash: ["grant"], zh: ["授权"] },
  revoke: { slash: ["revoke"], zh: ["撤销授权", "取消授权"] },
  report: { slash: ["report"], zh: ["报隐患", "报告隐患", "随手拍", "隐患"] },
  cancel: { slash: ["cancel"], zh: ["取消"] },
  confirm: { slash: ["confirm"], zh: ["确认隐患", "确认", "核实"] },
  reject: { slash: ["reject"], zh: ["驳回", "不属实"] },
  plan: { slash: ["plan"], zh: ["整改方案", "五到位"] },
  rectified: { slash: ["rectified", "done"], zh: ["已整改", "整改完成"] },
  close: { slash: ["close"], zh: ["验收销号", "销号"] },
  supervise: { slash: ["supervise"], zh: ["挂牌督办", "挂牌"] },
  unsupervise: { slash: ["unsupervise"], zh: ["取消挂牌", "摘牌"] },
  duplicate: { slash: ["duplicate", "dup"], zh: ["重复隐患", "重复"] },
  withdraw: { slash: ["withdraw"], zh: ["撤回隐患", "撤回"] },
  "apply-close": { slash: ["apply close", "applyclose"], zh: ["申请销号"] },
  return: { slash: ["return", "send back", "sendback"], zh: ["退回"] },
  "unit-kind": { slash: ["unit kind", "unitkind"], zh: ["单位类型"] },
  "unit-industry": { slash: ["unit industry", "unitindustry"], zh: ["单位行业"] },
  "group-lang": { slash: ["group lang", "grouplang"], zh: ["群语言"] },
  "dual-parties": { slash: ["dualparties", "dual parties"], zh: ["双报告对象"] },
  "deadline-days": { slash: ["deadlinedays", "deadline days"], zh: ["整改时限"] },
  status: { slash: ["status"], zh: ["查询", "进度"] },
  photos: { slash: ["photos", "photo"], zh: ["照片", "隐患照片"] },
  "photo-rule": { slash: ["photorule", "photo rule"], zh: ["整改照片"] },
  mine: { slash: ["mine"], zh: ["我的隐患", "我的报告"] },
  overdue: { slash: ["overdue"], zh: ["逾期隐患", "逾期"] },
  list: { slash: ["list"], zh: ["隐患列表", "列表"] },
  stats: { slash: ["stats"], zh: ["统计"] },
  tip: { slash: ["tip"], zh: ["举报", "我要举报", "有奖举报", "匿名举报", "实名举报"] },
  "tip-status": { slash: ["tip status", "tipstatus"], zh: ["举报查询", "查询举报"] },
  "tip-reply": { slash: ["tip reply", "tipreply"], zh: ["举报补充", "补充举报", "回复举报"] },
  "tip-claim": { slash: ["tip claim", "tipclaim"], zh: ["申领奖励", "领取奖励"] },
  "tip-named": { slash: ["tip named", "tipnamed"], zh: ["转为实名"] },
  "tip-anon": { slash: ["tip anon", "tipanon", "tip anonymous"], zh: ["转为匿名"] },
  "tip-notify": { slash: ["tip notify", "tipnotify"], zh: ["举报通知"] },
  tips: { slash: ["tips"], zh: ["举报列表"] },
  "tip-show": { slash: ["tip show", "tipshow", "tip open"], zh: ["查看举报"] },
  "tip-ask": { slash: ["tip ask", "tipask"], zh: ["举报追问"] },
  "tip-verify": { slash: ["tip verify", "tipverify"], zh: ["举报核查"] },
  "tip-extend": { slash: ["tip extend", "tipextend"], zh: ["举报延期"] },
  "tip-feedback": { slash: ["tip feedback", "tipfeedback"], zh: ["举报反馈"] },
  "tip-hazard": { slash: ["tip hazard", "tiphazard"], zh: ["举报转隐患"] },
  "tip-fine": { slash: ["tip fine", "tipfine"], zh: ["举报罚款"] },
  "tip-accident": { slash: ["tip accident", "tipaccident"], zh: ["举报事故"] },
  "tip-same": { slash: ["tip same", "tipsame"], zh: ["同一举报"] },
  "tip-reward": { slash: ["tip reward", "tipreward"], zh: ["举报奖励"] },
  "tip-approve": { slash: ["tip approve", "tipapprove"], zh: ["批准奖励"] },
  "tip-paid": { slash: ["tip paid", "tippaid"], zh: ["奖励已发放"] },
  "tip-close": { slash: ["tip close", "tipclose"], zh: ["举报办结"] },
  "tip-handlers": { slash: ["tip handlers", "tiphandlers"], zh: ["举报处理人"] },
  "tip-kind": { slash: ["tip kind", "tipkind"], zh: ["举报类型", "更正举报类型"] },
  "deadline-add": { slash: ["deadline add", "deadlineadd"], zh: ["报送事项", "新增报送事项"] },
  "deadline-remove": { slash: ["deadline remove", "deadlineremove", "deadline rm"], zh: ["删除报送事项"] },
  deadlines: { slash: ["deadlines"], zh: ["报送情况"] },
  submitted: { slash: ["submitted"], zh: ["已报送"] },
  remindme: { slash: ["remindme", "remind me"], zh: ["私聊提醒"] },
  record: { slash: ["record"], zh: ["录入"] },
  export: { slash: ["export"], zh: ["导出统计表", "导出"] },
  ledger: { slash: ["ledger", "export ledger", "exportledger"], zh: ["导出台账", "隐患台账"] },
  trend: { slash: ["trend"], zh: ["趋势", "趋势图"] },
  rewardrules: { slash: ["rewardrules", "reward rules"], zh: ["奖励规则"] },
  myrewards: { slash: ["myrewards", "my rewards"], zh: ["我的奖励"] },
  payouts: { slash: ["payouts"], zh: ["奖励发放"] },
  honor: { slash: ["honor", "honour"], zh: ["光荣榜", "安全之星"] },
  backup: { slash: ["backup"], zh: ["备份", "立即备份"] },
  web: { slash: ["web"], zh: ["网页台账", "网页"] },
  checklist: { slash: ["checklist"], zh: ["检查清单", "排查清单"] },
  "check-plan": { slash: ["checkplan", "check plan"], zh: ["排查计划", "检查计划"] },
  check: { slash: ["check"], zh: ["排查", "自查"] },
  checks: { slash: ["checks"], zh: ["检查情况", "排查情况"] },
  "check-sign": { slash: ["checksign", "check sign"], zh: ["带队签字", "带队检查签字"] },
};

/** The tipster's commands: handled in the anonymous lane, never with the sender's identity. */
export const TIPSTER_COMMANDS: ReadonlySet<CommandName> = new Set([
  "tip", "tip-status", "tip-reply", "tip-claim", "tip-named", "tip-anon", "tip-notify",
]);

export interface ParsedCommand {
  name: CommandName;
  /** Everything after the command word, trimmed (may span lines). */
  args: string;
}

// Longest spelling first, so `报隐患` wins over `隐患` and `/unit add` over `/unit`.
const SLASH = Object.entries(SPELLINGS)
  .flatMap(([name, s]) => s.slash.map((w) => ({ name: name as CommandName, word: w })))
  .sort((a, b) => b.word.length - a.word.length);
const ZH = Object.entries(SPELLINGS)
  .flatMap(([name, s]) => s.zh.map((w) => ({ name: name as CommandName, word: w })))
  .sort((a, b) => b.word.length - a.word.length);

/** A keyword counts only as the first word: followed by a space, a colon or the end (`隐患排查很重要` is chat, not a report). */
const KEYWORD_END = /^(?:$|[\s:：，,])/;

/**
 * Reads a command from the start of a message: `/report …` (also `/report@SentinelBot …`, `!report`)
 * or a Chinese keyword (`报隐患 …`). Returns `null` for ordinary chat.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const s = trimInvisible(text);
  const slash = /^[/!／！]\s*([A-Za-z]+(?:[ _][A-Za-z]+)?)(?:@\w+)?/.exec(s);
  if (slash) {
    // Only a mention glued to the command word is the bot's (`/report@SentinelBot`); `@lisi` in the arguments stays.
    const body = s.slice(1).trimStart().replace(/^([A-Za-z_]+)@\w+/, "$1");
    const head = body.toLowerCase().replace(/_/g, " ");
    for (const { name, word } of SLASH) {
      // The word ends at the end, any space (full-width too) or a colon, as Chinese keywords do.
      if (head.startsWith(word) && /^(?:$|[\s:：])/.test(head.slice(word.length))) {
        return { name, args: trimInvisible(body.slice(word.length).replace(/^[\s:：]+/, "")) };
      }
    }
    return null;
  }
  for (const { name, word } of ZH) {
    if (s.startsWith(word) && KEYWORD_END.test(s.slice(word.length))) {
      return { name, args: trimInvisible(s.slice(word.length).replace(/^[\s:：，,]+/, "")) };
    }
  }
  return null;
}

/** Whether the text starts like a command at all (`/…`), even one we do not know. */
export function looksLikeSlashCommand(text: string): boolean {
  return /^[/／]\s*[A-Za-z]/.test(text.trim());
}

/** The first word of the arguments (a hazard number, usually) and everything after it, trimmed. */
export function firstWord(args: string): { ref: string | undefined; rest: string } {
  const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(args);
  return m ? { ref: m[1], rest: m[2]!.trim() } : { ref: undefined, rest: "" };
}

/** Splits arguments on whitespace. */
export function words(args: string): string[] {
  return args.split(/\s+/).filter(Boolean);
}

const LEVEL_WORDS: Record<string, HazardLevel> = {
  一般: "GENERAL", 一般隐患: "GENERAL", general: "GENERAL", g: "GENERAL",
  重大: "MAJOR", 重大隐患: "MAJOR", 重大事故隐患: "MAJOR", major: "MAJOR", m: "MAJOR",
};

export function parseLevel(word: string | undefined): HazardLevel | null {
  return word ? (wordIn(LEVEL_WORDS, toHalfWidth(word).toLowerCase())) : null;
}

const ROLE_WORDS: Record<string, Role> = {
  worker: "WORKER", 从业人员: "WORKER", 员工: "WORKER", 职工: "WORKER",
  official: "OFFICIAL", 监管人员: "OFFICIAL", regulator: "OFFICIAL", 安全管理员: "OFFICIAL", 安全员: "OFFICIAL", "safety-manager": "OFFICIAL",
  主要负责人: "PRINCIPAL", 负责人: "PRINCIPAL", principal: "PRINCIPAL",
  实际控制人: "CONTROLLER", 实控人: "CONTROLLER", controller: "CONTROLLER",
  职代会联系人: "CONGRESS", 职代会: "CONGRESS", 职工大会: "CONGRESS", 职工代表大会: "CONGRESS", 工会主席: "CONGRESS", congress: "CONGRESS",
  admin: "ADMIN", 管理员: "ADMIN",
  "tip-handler": "TIP_HANDLER", tiphandler: "TIP_HANDLER", 举报处理人: "TIP_HANDLER", 举报受理人: "TIP_HANDLER",
};
// The words only one side uses: a regulator's 监管人员, an enterprise's 安全管理员 (`official` fits either).
const REGULATOR_WORDS = new Set(["监管人员", "regulator"]);
const ENTERPRISE_WORDS = new Set(["安全管理员", "安全员", "safety-manager"]);

export function parseRole(word: string | undefined): Role | null {
  return word ? (wordIn(ROLE_WORDS, word.toLowerCase())) : null;
}

/** Which side's word names the role: 监管人员 is a regulator's, 安全管理员 an enterprise's; others fit both. */
export function roleSide(word: string | undefined): RoleSide {
  const w = word?.toLowerCase() ?? "";
  return REGULATOR_WORDS.has(w) ? "regulator" : ENTERPRISE_WORDS.has(w) ? "enterprise" : null;
}

const UNIT_KIND_WORDS: Record<string, UnitKind> = {
  监管部门: "REGULATOR", 监管单位: "REGULATOR", 监管: "REGULATOR", 政府部门: "REGULATOR", regulator: "REGULATOR",
  企业: "ENTERPRISE", 生产经营单位: "ENTERPRISE", enterprise: "ENTERPRISE", company: "ENTERPRISE",
  部门: "DEPARTMENT", 车间: "DEPARTMENT", 班组: "DEPARTMENT", department: "DEPARTMENT",
};

/** A kind of unit as an admin writes it (监管部门, 企业, 部门). */
export function parseUnitKind(word: string | undefined): UnitKind | null {
  return word ? (wordIn(UNIT_KIND_WORDS, toHalfWidth(word).toLowerCase())) : null;
}

const ON_THE_SPOT = /(?:^|[\s，,。;；])(?:已当场整改|当场整改|已即查即改|即查即改|fixed on the spot|fixed)[。.!！]?$/i;

/** `… 已当场整改` at the end of a report or confirmation (即查即改): the text without it, and whether it was there. */
export function splitOnTheSpot(text: string): { text: string; onTheSpot: boolean } {
  const m = ON_THE_SPOT.exec(text.trim());
  if (!m) return { text: text.trim(), onTheSpot: false };
  return { text: text.trim().slice(0, m.index).replace(/[\s，,。;；]+$/, "").trim(), onTheSpot: true };
}

const STATUS_WORDS: Record<string, HazardStatus> = {
  reported: "REPORTED", 待核实: "REPORTED",
  confirmed: "CONFIRMED", 已确认: "CONFIRMED",
  rectifying: "RECTIFYING", 整改中: "RECTIFYING",
  rectified: "RECTIFIED", 已整改: "RECTIFIED", 待验收: "RECTIFIED",
  closed: "CLOSED", 已销号: "CLOSED",
  rejected: "REJECTED", 不属实: "REJECTED", 已驳回: "REJECTED",
  duplicate: "DUPLICATE", 重复: "DUPLICATE",
  withdrawn: "WITHDRAWN", 已撤回: "WITHDRAWN", 撤回: "WITHDRAWN",
};

/** A list filter: a status or a level word. */
export function parseListFilter(word: string | undefined): { status?: HazardStatus; level?: HazardLevel } | null {
  if (!word) return {};
  const w = toHalfWidth(word).toLowerCase();
  const status = wordIn(STATUS_WORDS, w);
  if (status) return { status };
  const level = parseLevel(w);
  return level ? { level } : null;
}

const LEDGER_MAJOR = ["重大", "重大隐患", "重大事故隐患", "major"];
const LEDGER_ALL = ["全部", "所有", "all"];

/**
 * `导出台账` arguments, in any order: `重大` (the 重大事故隐患台账) or `全部` (every level, the default), and a period
 * (see `parsePeriod`; none: the whole ledger). `null` for anything else.
 */
export function parseLedgerArgs(args: string, today: string): { majorOnly: boolean; period: Period | null } | null {
  let majorOnly = false;
  const rest: string[] = [];
  for (const w of words(toHalfWidth(args))) {
    const lw = w.toLowerCase();
    if (LEDGER_MAJOR.includes(lw)) majorOnly = true;
    else if (!LEDGER_ALL.includes(lw)) rest.push(w);
  }
  if (rest.length === 0) return { majorOnly, period: null };
  const period = parsePeriod(rest.join(""), today);
  return period ? { majorOnly, period } : null;
}

const DUPLICATE_WORDS = ["重复", "dup", "duplicate", "重复报告"];

/** `驳回` arguments after the number: a reason, or `重复 <other number>` for a duplicate. */
export function parseRejection(rest: string): { reason: string; duplicateOf: string | null } {
  const [first, second, ...more] = words(rest);
  if (first && DUPLICATE_WORDS.includes(first.toLowerCase()) && second) {
    return { reason: [first, second, ...more].join(" "), duplicateOf: second };
  }
  return { reason: rest.trim(), duplicateOf: null };
}

const PLAN_KEYS: Record<string, PlanField> = {
  责任人: "responsible", 负责人: "responsible", responsible: "responsible", who: "responsible",
  措施: "measures", 整改措施: "measures", measures: "measures",
  资金: "funds", 经费: "funds", funds: "funds",
  期限: "deadline", 时限: "deadline", 整改期限: "deadline", deadline: "deadline",
  预案: "contingency", 应急预案: "contingency", contingency: "contingency",
};
const PLAN_KEY_RE = new RegExp(
  `(${Object.keys(PLAN_KEYS).sort((a, b) => b.length - a.length).join("|")})\\s*[:：=]`,
  "gi",
);

/**
 * 五到位 as `责任人:张三 措施:加装护栏 资金:2万元 期限:2026-12-31 预案:…` (or the English keys).
 * Values run until the next key, so they may contain spaces. Returns the fields found (deadline unparsed).
 */
export function parsePlanFields(text: string): Partial<Record<PlanField, string>> {
  const s = toHalfWidth(text);
  const marks = [...s.matchAll(PLAN_KEY_RE)];
  const out: Partial<Record<PlanField, string>> = {};
  marks.forEach((m, i) => {
    const field = wordIn(PLAN_KEYS, m[1]!.toLowerCase()) ?? wordIn(PLAN_KEYS, m[1]!);
    const end = i + 1 < marks.length ? marks[i + 1]!.index : s.length;
    const value = s.slice(m.index! + m[0].length, end).trim().replace(/[;；,，]$/, "").trim();
    if (field && value) out[field] = value;
  });
  return out;
}

/** The five fields still missing from a plan, in 五到位 order. */
export function missingPlanFields(fields: Partial<Record<PlanField, string>>): PlanField[] {
  return PLAN_FIELDS.filter((f) => !fields[f]);
}

/** `地点：…` / `位置：…` / `where: …` inside a report; returns the place and the text without it. */
export function splitLocation(text: string): { description: string; location: string | null } {
  const m = /(?:地点|位置|where|location)\s*[:：]\s*([^\n，,。;；]+)/i.exec(text);
  if (!m) return { description: text.trim(), location: null };
  const description = (text.slice(0, m.index) + text.slice(m.index + m[0].length))
    .replace(/^[\s，,。;；]+|[\s，,。;；]+$/g, "")
    .trim();
  return { description, location: m[1]!.trim() };
}


const TIP_KIND_WORDS: Record<string, TipKind> = {
  "1": "MAJOR_HAZARD", 重大隐患: "MAJOR_HAZARD", 重大事故隐患: "MAJOR_HAZARD", 隐患: "MAJOR_HAZARD", major: "MAJOR_HAZARD", hazard: "MAJOR_HAZARD",
  "2": "ILLEGAL_OPERATION", 非法违法: "ILLEGAL_OPERATION", 非法生产: "ILLEGAL_OPERATION", 违法生产: "ILLEGAL_OPERATION",
  非法违法生产经营: "ILLEGAL_OPERATION", 违法: "ILLEGAL_OPERATION", 非法: "ILLEGAL_OPERATION", illegal: "ILLEGAL_OPERATION",
  "3": "CONCEALED_ACCIDENT", 瞒报: "CONCEALED_ACCIDENT", 谎报: "CONCEALED_ACCIDENT", 瞒报谎报事故: "CONCEALED_ACCIDENT",
  瞒报事故: "CONCEALED_ACCIDENT", 事故: "CONCEALED_ACCIDENT", accident: "CONCEALED_ACCIDENT", concealed: "CONCEALED_ACCIDENT",
  "4": "OTHER", 其他: "OTHER", 其它: "OTHER", other: "OTHER",
};

/** The kind of a tip as the tipster answers: its number in the menu or a word. */
export function parseTipKind(text: string): TipKind | null {
  const w = toHalfWidth(text).trim().toLowerCase().replace(/[.、。)）]$/, "");
  return wordIn(TIP_KIND_WORDS, w);
}

const GRADE_WORDS: Record<string, AccidentGrade> = {
  一般: "GENERAL", 一般事故: "GENERAL", general: "GENERAL",
  较大: "LARGER", 较大事故: "LARGER", larger: "LARGER",
  重大: "MAJOR", 重大事故: "MAJOR", major: "MAJOR",
  特别重大: "ESPECIALLY_MAJOR", 特别重大事故: "ESPECIALLY_MAJOR", "especially-major": "ESPECIALLY_MAJOR", especially: "ESPECIALLY_MAJOR",
};

export function parseAccidentGrade(word: string | undefined): AccidentGrade | null {
  return word ? (wordIn(GRADE_WORDS, toHalfWidth(word).toLowerCase())) : null;
}

/**
 * The largest amount of yuan the bot takes (一十亿): the store keeps amounts as 32-bit integers, and no fine or
 * reward of work safety comes near it. Larger is refused with this bound, never wrapped or failed on.
 */
export const MAX_YUAN = 1_000_000_000;

/** An amount of money in yuan: `50000`, `5万`, `5万元`, `¥12,000`, `1.5万`. */
export function parseYuan(text: string | undefined): number | null {
  if (!text) return null;
  const m = /^[¥￥]?\s*(\d+(?:[.,]\d+)*)\s*(万)?\s*(元)?$/.exec(toHalfWidth(text).trim().replace(/(\d),(?=\d{3})/g, "$1"));
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, "")) * (m[2] ? 10000 : 1);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/**
 * A receipt code at the start of the arguments, and what follows. The code may be typed with spaces or dashes, so
 * it runs until its 28th digit; the rest is the tipster's text (which may itself start with a digit).
 */
export function splitReceiptCode(args: string, digits: number): { code: string; rest: string } {
  const s = toHalfWidth(args);
  let seen = 0;
  let i = 0;
  for (; i < s.length && seen < digits; i++) {
    const c = s[i]!;
    if (/\d/.test(c)) seen++;
    else if (!/[\s\-_.·,，、—–]/.test(c)) break;
  }
  return { code: s.slice(0, i).trim(), rest: s.slice(i).trim() };
}

/** `照片 编号 补充`: the word that asks to add photos (sent next) rather than to have them sent back. */
export function isAddWord(text: string): boolean {
  return /^(补充|添加|上传|add|more)$/i.test(text.trim());
}

/** `整改照片 必须|不必`: whether a major hazard's 已整改 needs a photo of the fixed state. */
export function parsePhotoRule(args: string): "required" | "optional" | null {
  const w = toHalfWidth(args.trim()).toLowerCase();
  if (["必须", "要求", "必需", "需要", "required", "require", "on"].includes(w)) return "required";
  if (["不必", "不要求", "可选", "不需要", "optional", "off"].includes(w)) return "optional";
  return null;
}
