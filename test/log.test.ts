import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createLogger, safeError } from "../src/log.ts";

const dir = mkdtempSync(path.join(tmpdir(), "sentinel-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What Prisma throws for a failed `举报罚款`: the invocation, with the row and the amount, in the message. */
function prismaError(): Error {
  const e = new Error(
    "\nInvalid `prisma.tip.updateMany()` invocation in\n/work/srv/sentinel/src/store/tip-repo.ts:142:49\n\n  where: { id: 1, status: { in: [\"NEW\"] } },\n  data: { fineYuan: 9999999999999 }\nValue out of range for the type.",
  );
  return Object.assign(e, { name: "PrismaClientKnownRequestError", code: "P2020", meta: { modelName: "Tip" }, clientVersion: "6.19.3" });
}

test("a database error keeps its kind and code: never the request, a row id or an amount", () => {
  const logged = JSON.stringify(safeError(prismaError()));
  expect(logged).toContain("PrismaClientKnownRequestError");
  expect(logged).toContain("P2020");
  expect(logged).not.toMatch(/fineYuan|9999999999999|where|id: 1|\/work\//);
});

test("other errors keep a short first line; the stack (absolute paths) only in a debug log", () => {
  const err = new TypeError(`cannot read ${"x".repeat(500)}\nsecond line`);
  const short = safeError(err);
  expect(String(short.message).length).toBeLessThanOrEqual(121);
  expect(JSON.stringify(short)).not.toContain("second line");
  expect(short.stack).toBeUndefined();
  expect(safeError(err, { stack: true }).stack).toContain(path.sep);
});

test("the process log writes stacks at debug level only", () => {
  for (const level of ["info", "debug"]) {
    const file = path.join(dir, `${level}.log`);
    const log = createLogger({ level, file });
    log.error({ op: "x", err: new Error("boom") }, "failed");
    const line = readFileSync(file, "utf8");
    expect(line.includes(import.meta.dirname)).toBe(level === "debug");
    expect(line).toContain("boom");
  }
});
