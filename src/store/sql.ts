import { Prisma as P } from "../generated/prisma/client.ts";

/**
 * An instant as the value of a `timestamp(3)` column, which Prisma keeps in UTC. Explicit, so raw SQL does not
 * depend on the server's TimeZone setting.
 */
export const utc = (d: Date) => P.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
