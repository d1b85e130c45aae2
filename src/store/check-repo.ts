import { Prisma as P } from "../generated/prisma/client.ts";
import { FREQUENCIES, type CheckResult, type Frequency, type RoundItem } from "../domain/checks.ts";
import { utc } from "./sql.ts";

type Tx = P.TransactionClient;

export interface ChecklistItemRow {
  id: number;
  unitId: number;
  frequency: Frequency;
  text: string;
  basis: string | null;
  indicator: string | null;
  responsible: string | null;
  templateKey: string | null;
}

export interface ScheduleRow {
  unitId: number;
  frequency: Frequency;
  time: string;
}

export interface RoundRow {
  id: number;
  unitId: number;
  frequency: Frequency;
  period: string;
  postedAt: Date;
  deadline: string;
  items: RoundItem[];
  completedAt: Date | null;
  /** A `LEADER` round's leader (主要负责人 or 实际控制人) who answered or signed it, and when. */
  ledById: number | null;
  ledAt: Date | null;
}

export interface AnswerRow {
  roundId: number;
  position: number;
  itemId: number;
  result: CheckResult;
  note: string | null;
  attachments: string[];
  answeredBy: string;
  answeredAt: Date;
  hazardId: number | null;
}

/** 检查情况 of one unit: rounds, finished, on time, answers; of its 主要负责人带队检查, how many and which periods were not led. */
export interface UnitCompletionRow {
  unitId: number;
  rounds: number;
  completed: number;
  onTime: number;
  checked: number;
  abnormal: number;
  leaderRounds: number;
  led: number;
  unled: string[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

type RoundRecord = { id: number; unitId: number; frequency: string; period: string; postedAt: Date; deadline: Date; items: P.JsonValue; completedAt: Date | null; ledById: number | null; ledAt: Date | null };
const toRound = (r: RoundRecord): RoundRow => ({
  id: r.id,
  unitId: r.unitId,
  frequency: r.frequency as Frequency,
  period: r.period,
  postedAt: r.postedAt,
  deadline: day(r.deadline),
  items: r.items as unknown as RoundItem[],
  completedAt: r.completedAt,
  ledById: r.ledById,
  ledAt: r.ledAt,
});
const itemSelect = { id: true, unitId: true, frequency: true, text: true, basis: true, indicator: true, responsible: true, templateKey: true } as const;
const toItem = (r: { frequency: string } & Omit<ChecklistItemRow, "frequency">): ChecklistItemRow => ({ ...r, frequency: r.frequency as Frequency });

/** The store's side of self-inspection: checklists, schedules, rounds and answers. */
export class CheckRepo {
  constructor(private readonly tx: Tx) {}

  /** A unit's active checklist, in frequency order and then as added. */
  async items(unitId: number): Promise<ChecklistItemRow[]> {
    const rows = await this.tx.checklistItem.findMany({ where: { unitId, active: true }, select: itemSelect, orderBy: { id: "asc" } });
    const order = FREQUENCIES as readonly string[];
    return rows.map(toItem).sort((a, b) => order.indexOf(a.frequency) - order.indexOf(b.frequency) || a.id - b.id);
  }

  async itemsById(ids: number[]): Promise<Map<number, ChecklistItemRow>> {
    const rows = await this.tx.checklistItem.findMany({ where: { id: { in: ids } }, select: itemSelect });
    return new Map(rows.map((r) => [r.id, toItem(r)]));
  }

  async addItems(unitId: number, items: Omit<ChecklistItemRow, "id" | "unitId">[], now: Date): Promise<number> {
    return (await this.tx.checklistItem.createMany({ data: items.map((i) => ({ ...i, unitId, createdAt: now })) })).count;
  }

  /** Drops an item from the list; past rounds keep it. */
  async dropItem(id: number): Promise<boolean> {
    return (await this.tx.checklistItem.updateMany({ where: { id, active: true }, data: { active: false } })).count === 1;
  }

  async setResponsible(id: number, name: string | null): Promise<void> {
    await this.tx.checklistItem.update({ where: { id }, data: { responsible: name } });
  }

  async schedules(unitId?: number): Promise<ScheduleRow[]> {
    const rows = await this.tx.checkSchedule.findMany({ where: unitId === undefined ? {} : { unitId }, orderBy: [{ unitId: "asc" }] });
    const order = FREQUENCIES as readonly string[];
    return rows
      .map((r) => ({ unitId: r.unitId, frequency: r.frequency as Frequency, time: r.time }))
      .sort((a, b) => a.unitId - b.unitId || order.indexOf(a.frequency) - order.indexOf(b.frequency));
  }

  async setSchedule(unitId: number, frequency: Frequency, time: string, userId: number, now: Date): Promise<void> {
    await this.tx.checkSchedule.upsert({
      where: { unitId_frequency: { unitId, frequency } },
      create: { unitId, frequency, time, createdById: userId, updatedAt: now },
      update: { time, createdById: userId, updatedAt: now },
    });
  }

  async removeSchedule(unitId: number, frequency: Frequency): Promise<boolean> {
    return (await this.tx.checkSchedule.deleteMany({ where: { unitId, frequency } })).count === 1;
  }

  /** The round of a unit, frequency and period: created by the first process that asks, the same row for every other. */
  async openRound(r: { unitId: number; frequency: Frequency; period: string; postedAt: Date; deadline: string; items: RoundItem[] }): Promise<RoundRow> {
    await this.tx.checkRound.createMany({
      data: [{ unitId: r.unitId, frequency: r.frequency, period: r.period, postedAt: r.postedAt, deadline: asDate(r.deadline), items: r.items as unknown as P.InputJsonValue }],
      skipDuplicates: true,
    });
    return toRound((await this.tx.checkRound.findUnique({ where: { unitId_frequency_period: { unitId: r.unitId, frequency: r.frequency, period: r.period } } }))!);
  }

  /** The rounds already opened for these (unit, frequency, period) keys, by `unitId:frequency:period`. */
  async roundsByKey(keys: { unitId: number; frequency: Frequency; period: string }[]): Promise<Map<string, RoundRow>> {
    if (keys.length === 0) return new Map();
    const rows = await this.tx.checkRound.findMany({ where: { OR: keys.map((k) => ({ unitId: k.unitId, frequency: k.frequency, period: k.period })) } });
    return new Map(rows.map((r) => [`${r.unitId}:${r.frequency}:${r.period}`, toRound(r)]));
  }

  async round(id: number): Promise<RoundRow | null> {
    const r = await this.tx.checkRound.findUnique({ where: { id } });
    return r && toRound(r);
  }

  /**
   * A unit's rounds not yet finished and due on or after `since`, the newest first (of rounds posted together, the more
   * frequent first).
   */
  async unfinished(unitId: number, since: string): Promise<RoundRow[]> {
    const rows = await this.tx.checkRound.findMany({
      where: { unitId, completedAt: null, deadline: { gte: asDate(since) } },
      orderBy: [{ postedAt: "desc" }, { id: "asc" }],
    });
    return rows.map(toRound);
  }

  /** Whether the unit has a round unfinished that is due on or after `since` (still answerable). */
  async hasUnfinished(unitId: number, since: string): Promise<boolean> {
    return (await this.tx.checkRound.count({ where: { unitId, completedAt: null, deadline: { gte: asDate(since) } } })) > 0;
  }

  /** Unfinished rounds of every unit whose deadline lies in [from, to]: what the follow-up looks at. */
  async overdueCandidates(from: string, to: string): Promise<RoundRow[]> {
    const rows = await this.tx.checkRound.findMany({ where: { completedAt: null, deadline: { gte: asDate(from), lte: asDate(to) } }, orderBy: { id: "asc" } });
    return rows.map(toRound);
  }

  /** Rounds of these units posted in [from, to) (instants), with their answers. */
  async roundsIn(unitIds: number[], from: Date, to: Date): Promise<{ round: RoundRow; answers: AnswerRow[] }[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.tx.checkRound.findMany({
      where: { unitId: { in: unitIds }, postedAt: { gte: from, lt: to } },
      include: { answers: { orderBy: { position: "asc" } } },
      orderBy: { postedAt: "asc" },
    });
    const names = await this.names(rows.flatMap((r) => r.answers.map((a) => a.answeredById)));
    return rows.map((r) => ({ round: toRound(r), answers: r.answers.map((a) => this.toAnswer(a, names)) }));
  }

  /**
   * Per unit, in one aggregate query: rounds posted in [from, to), finished, finished by the end of their deadline day
   * (Shanghai), answers that checked something (正常 or 异常) and the abnormal ones. Units without rounds are absent.
   */
  async completionByUnit(unitIds: number[], from: Date, to: Date): Promise<Map<number, UnitCompletionRow>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.tx.$queryRaw<UnitCompletionRow[]>`
      WITH r AS (
        SELECT id, "unitId", "completedAt", deadline, frequency, period, "ledById" FROM "CheckRound"
        WHERE "unitId" = ANY(${unitIds}::int[]) AND "postedAt" >= ${utc(from)} AND "postedAt" < ${utc(to)}
      ), a AS (
        SELECT "roundId", count(*) FILTER (WHERE result <> 'NA') AS checked, count(*) FILTER (WHERE result = 'ABNORMAL') AS abnormal
        FROM "CheckAnswer" WHERE "roundId" IN (SELECT id FROM r) GROUP BY "roundId"
      )
      SELECT r."unitId",
        count(*)::int AS rounds,
        count(*) FILTER (WHERE r."completedAt" IS NOT NULL)::int AS completed,
        count(*) FILTER (WHERE r."completedAt" < (r.deadline + 1)::timestamp - interval '8 hours')::int AS "onTime",
        coalesce(sum(a.checked), 0)::int AS checked,
        coalesce(sum(a.abnormal), 0)::int AS abnormal,
        count(*) FILTER (WHERE r.frequency = 'LEADER')::int AS "leaderRounds",
        count(*) FILTER (WHERE r.frequency = 'LEADER' AND r."ledById" IS NOT NULL)::int AS led,
        coalesce(array_agg(r.period ORDER BY r.period) FILTER (WHERE r.frequency = 'LEADER' AND r."ledById" IS NULL), '{}') AS unled
      FROM r LEFT JOIN a ON a."roundId" = r.id
      GROUP BY r."unitId"`;
    return new Map(rows.map((r) => [r.unitId, r]));
  }

  async answers(roundId: number): Promise<AnswerRow[]> {
    const rows = await this.tx.checkAnswer.findMany({ where: { roundId }, orderBy: { position: "asc" } });
    const names = await this.names(rows.map((a) => a.answeredById));
    return rows.map((a) => this.toAnswer(a, names));
  }

  /** Records an answer; the first answer to an item stands (`false` when it had one). */
  async answer(a: { roundId: number; position: number; itemId: number; result: CheckResult; note: string | null; attachments: string[]; answeredById: number; answeredAt: Date }): Promise<boolean> {
    return (await this.tx.checkAnswer.createMany({ data: [a], skipDuplicates: true })).count === 1;
  }

  /** Whether a hazard was filed from an abnormal answer of a round (a finding, not someone's own report). */
  async isFinding(hazardId: number): Promise<boolean> {
    return (await this.tx.checkAnswer.findFirst({ where: { hazardId }, select: { roundId: true } })) !== null;
  }

  async linkHazard(roundId: number, position: number, hazardId: number): Promise<void> {
    await this.tx.checkAnswer.update({ where: { roundId_position: { roundId, position } }, data: { hazardId } });
  }

  /**
   * Marks a round finished once every item has an answer and, for a `LEADER` round, once it is led; `true` when this
   * call finished it.
   */
  async finishIfComplete(roundId: number, itemCount: number, at: Date): Promise<boolean> {
    const n = await this.tx.checkAnswer.count({ where: { roundId } });
    if (n < itemCount) return false;
    const led = { OR: [{ frequency: { not: "LEADER" } }, { ledById: { not: null } }] };
    return (await this.tx.checkRound.updateMany({ where: { id: roundId, completedAt: null, ...led }, data: { completedAt: at } })).count === 1;
  }

  /** Records the leader of a round (the first one stands); `true` when this call recorded it. */
  async lead(roundId: number, userId: number, at: Date): Promise<boolean> {
    return (await this.tx.checkRound.updateMany({ where: { id: roundId, ledById: null }, data: { ledById: userId, ledAt: at } })).count === 1;
  }

  /** The name of a round's leader, or null. */
  async leaderName(round: RoundRow): Promise<string | null> {
    return round.ledById === null ? null : ((await this.names([round.ledById])).get(round.ledById) ?? null);
  }

  /** Each unit's industry: its own, else the nearest unit's above it that has one (null when none has). */
  async industries(unitIds: number[]): Promise<Map<number, string | null>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.tx.$queryRaw<{ id: number; industry: string | null }[]>`
      SELECT u.id, (SELECT a.industry FROM unnest(string_to_array(trim(both '/' from u.path), '/')::int[]) WITH ORDINALITY AS p(id, depth)
                    JOIN "Unit" a ON a.id = p.id WHERE a.industry IS NOT NULL ORDER BY p.depth DESC LIMIT 1) AS industry
      FROM "Unit" u WHERE u.id = ANY(${unitIds}::int[])`;
    return new Map(rows.map((r) => [r.id, r.industry]));
  }

  private async names(ids: number[]): Promise<Map<number, string>> {
    const users = await this.tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  private toAnswer(a: { roundId: number; position: number; itemId: number; result: string; note: string | null; attachments: string[]; answeredById: number; answeredAt: Date; hazardId: number | null }, names: Map<number, string>): AnswerRow {
    return { ...a, result: a.result as CheckResult, answeredBy: names.get(a.answeredById) ?? "?" };
  }
}
