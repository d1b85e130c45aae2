import { Prisma as P } from "../generated/prisma/client.ts";

type Tx = P.TransactionClient;

/** What an operator watches of the whole store, per scrape of /metrics. */
export interface HazardGauges {
  /** Hazards not yet closed, rejected, merged or withdrawn (待核实, 已确认, 整改中, 已整改待验收). */
  open: number;
  /** Open hazards past their rectification or 督办 deadline before `today`. */
  overdue: number;
}

/** The operator's queries: read from the tally (a few rows per unit), never a scan of the hazards. */
export class OpsRepo {
  constructor(private readonly tx: Tx) {}

  /** Open and overdue hazards of every unit, as of the Shanghai date `today` (as 统计 counts overdue). */
  async hazardGauges(today: string): Promise<HazardGauges> {
    const [row] = await this.tx.$queryRaw<{ open: number; overdue: number }[]>`
      SELECT COALESCE(sum(n) FILTER (WHERE status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING', 'RECTIFIED')), 0)::int AS open,
             COALESCE(sum(n) FILTER (WHERE due < ${today}::date), 0)::int AS overdue
      FROM "HazardTally" WHERE n <> 0`;
    return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
  }
}
