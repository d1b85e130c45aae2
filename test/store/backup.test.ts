import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { BackupError, decodeBackup, encodeBackup, pruneBackups, writeAtomically } from "../../src/store/backup-file.ts";
import { openStore, restoreBackup } from "../../src/store/index.ts";
import { MIGRATIONS_DIR, availableMigrations, migrate } from "../../src/store/migrate.ts";
import { PGlite } from "@electric-sql/pglite";
import { freshPostgres, tempDirs } from "../helpers.ts";

// PGlite folders on disk take seconds each to create on a busy machine: the timeouts are guards, not measures.
const freshDir = tempDirs("sentinel-backup-");

const HEADER = { payload: "pglite-datadir-tar-gz", createdOn: "2026-11-23", schema: "20261123000000_init", secretFingerprint: "f".repeat(32) } as const;
const payload = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

/** The refusal `fn` throws, as its prompt id. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof BackupError) return err.id;
    throw err;
  }
  return "accepted";
}

describe("the backup file", { timeout: 600_000 }, () => {
  const bytes = Buffer.concat(encodeBackup(HEADER, payload).parts);

  test("reads back what was written, with the payload's length and checksum in its header", () => {
    const { header, payload: back } = decodeBackup(bytes);
    expect(back.equals(payload)).toBe(true);
    expect(header).toMatchObject({ ...HEADER, format: 1, bytes: payload.length, sha256: createHash("sha256").update(payload).digest("hex") });
  });

  test("a truncated file is refused, however short", () => {
    for (const keep of [bytes.length - 1, bytes.length - 4000, 200, 30, 10, 0]) {
      expect(refusal(() => decodeBackup(bytes.subarray(0, keep))), `kept ${keep}`).toMatch(/^backup-(truncated|not-a-backup)$/);
    }
    expect(refusal(() => decodeBackup(bytes.subarray(0, bytes.length - 1)))).toBe("backup-truncated");
  });

  test("any flipped byte is refused: in the payload, the header, its checksum or the first line", () => {
    const headerEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1);
    for (const at of [0, 5, 30, 100, headerEnd - 3, headerEnd + 1, headerEnd + 2500, bytes.length - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x04;
      expect(refusal(() => decodeBackup(damaged)), `byte ${at}`).toMatch(/^backup-(damaged|damaged-header|not-a-backup|truncated|newer-format)$/);
    }
    const inPayload = Buffer.from(bytes);
    inPayload[headerEnd + 2500] = inPayload[headerEnd + 2500]! ^ 0x01;
    expect(refusal(() => decodeBackup(inPayload))).toBe("backup-damaged");
  });

  test("a file with bytes added is refused; another file is not taken for a backup", () => {
    expect(refusal(() => decodeBackup(Buffer.concat([bytes, Buffer.from("x")])))).toBe("backup-damaged");
    expect(refusal(() => decodeBackup(Buffer.from("PK\u0003\u0004 a zip file")))).toBe("backup-not-a-backup");
    expect(refusal(() => decodeBackup(Buffer.from("SENTINEL-BACKUP 2\n{}\n")))).toBe("backup-newer-format");
  });

  test("is written whole or not at all under its name: no temporary file stays", () => {
    const dir = freshDir();
    const file = writeAtomically(dir, "sentinel-2026-11-23-023000.sentinel-backup", [bytes.subarray(0, 100), bytes.subarray(100)]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(["sentinel-2026-11-23-023000.sentinel-backup"]);
  });

  test("pruning keeps the days asked for, leaves other files, and clears a crash's temporary files", () => {
    const dir = freshDir();
    const names = [
      "sentinel-2026-11-01-023000.sentinel-backup",
      "sentinel-2026-11-09-023000.sentinel-backup",
      "sentinel-2026-11-10-023000.sentinel-backup",
      "sentinel-2026-11-10-101500-2.sentinel-backup",
      "sentinel-2026-11-09-023000.pgdump",
      "sentinel-2026-11-09-023000.pgdump.sha256",
      "notes.txt",
      ".sentinel-2026-11-10-023000.sentinel-backup.123.tmp",
      ".sentinel-2026-11-10-101500.sentinel-backup.456.tmp",
    ];
    for (const n of names) writeFileSync(path.join(dir, n), "x");
    const now = new Date("2026-11-10T03:00:00Z");
    utimesSync(path.join(dir, names[7]!), new Date("2026-11-09T00:00:00Z"), new Date("2026-11-09T00:00:00Z"));
    utimesSync(path.join(dir, names[8]!), now, now);
    const gone = pruneBackups(dir, "2026-11-10", now);
    expect(gone.sort()).toEqual([names[0], names[1], names[4], names[5], names[7]].sort());
    expect(readdirSync(dir).sort()).toEqual([names[2], names[3], names[6], names[8]].sort());
  });
});

describe("a snapshot of the embedded store, restored", { timeout: 600_000 }, () => {
  test("holds what was committed; a restore checks folder, file and secret before it writes", async () => {
    const dir = freshDir();
    const store = await openStore({ dataDir: path.join(dir, "live") });
    let file: string;
    try {
      await store.transaction((repo) => repo.createUnit("县应急管理局", null, "REGULATOR"));
      ({ file } = await store.backup({ dir: path.join(dir, "backups"), now: new Date("2026-11-10T18:30:00Z"), fingerprint: "a".repeat(32) }));
    } finally {
      await store.close();
    }
    expect(path.basename(file)).toBe("sentinel-2026-11-11-023000.sentinel-backup");
    expect(decodeBackup(readFileSync(file)).header).toMatchObject({ createdOn: "2026-11-11", schema: availableMigrations().at(-1), secretFingerprint: "a".repeat(32) });

    // Refusals write nothing.
    const wrongSecret = path.join(dir, "wrong-secret");
    await expect(restoreBackup({ file, dataDir: wrongSecret, fingerprint: "b".repeat(32) })).rejects.toMatchObject({ id: "restore-wrong-secret" });
    expect(existsSync(wrongSecret)).toBe(false);
    const busy = path.join(dir, "busy");
    mkdirSync(busy);
    writeFileSync(path.join(busy, "notes.txt"), "mine");
    await expect(restoreBackup({ file, dataDir: busy, fingerprint: "a".repeat(32) })).rejects.toMatchObject({ id: "restore-not-empty" });
    expect(readdirSync(busy)).toEqual(["notes.txt"]);

    // A folder holding only the secret is empty enough.
    const target = path.join(dir, "restored");
    mkdirSync(target);
    writeFileSync(path.join(target, "secret.key"), "k");
    const { counts, applied } = await restoreBackup({ file, dataDir: target, fingerprint: "a".repeat(32) });
    expect(applied).toEqual([]);
    expect(counts.Unit).toBe(1);
    expect(readdirSync(target).sort()).toEqual(["pglite", "secret.key"]);
    const back = await openStore({ dataDir: target });
    try {
      expect((await back.transaction((repo) => repo.listUnits())).map((u) => u.name)).toEqual(["县应急管理局"]);
    } finally {
      await back.close();
    }
  });

  test("a backup of an older schema is brought up to date; one from a newer Sentinel is refused before writing", async () => {
    // A database migrated to all but the last migration, as a Sentinel one release older would have left it.
    const dir = freshDir();
    const older = path.join(dir, "older-migrations");
    const all = availableMigrations();
    for (const name of all.slice(0, -1)) cpSync(path.join(MIGRATIONS_DIR, name), path.join(older, name), { recursive: true });
    const db = new PGlite();
    await migrate({ exec: async (sql) => void (await db.exec(sql)), query: async (sql, params) => (await db.query(sql, params)).rows as never[] }, older);
    const tar = new Uint8Array(await (await db.dumpDataDir("gzip")).arrayBuffer());
    await db.close();
    const header = { ...HEADER, schema: all.at(-2)!, secretFingerprint: "a".repeat(32) };
    const file = path.join(dir, "older.sentinel-backup");
    writeFileSync(file, Buffer.concat(encodeBackup(header, tar).parts));
    const { applied } = await restoreBackup({ file, dataDir: path.join(dir, "r1"), fingerprint: "a".repeat(32) });
    expect(applied).toEqual([all.at(-1)]);

    const future = path.join(dir, "future.sentinel-backup");
    writeFileSync(future, Buffer.concat(encodeBackup({ ...header, schema: "29991231000000_from_the_future" }, tar).parts));
    await expect(restoreBackup({ file: future, dataDir: path.join(dir, "r2"), fingerprint: "a".repeat(32) })).rejects.toMatchObject({ id: "restore-newer-schema" });
    expect(existsSync(path.join(dir, "r2"))).toBe(false);
  });
});

const pg = await freshPostgres();
const hasPgRestore = (() => {
  try {
    execFileSync("pg_restore", ["--version"]);
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!pg || !hasPgRestore)("PostgreSQL, when asked for", { timeout: 600_000 }, () => {
  afterAll(() => pg?.drop());

  test("is dumped with pg_dump (custom format, with a sha256sum file) that pg_restore reads", async () => {
    const dir = freshDir();
    const store = await openStore({ url: pg!.url });
    let file: string;
    let sha256: string;
    try {
      await store.transaction((repo) => repo.createUnit("县应急管理局", null, "REGULATOR"));
      ({ file, sha256 } = await store.backup({ dir, now: new Date("2026-11-10T18:30:00Z"), fingerprint: "a".repeat(32) }));
    } finally {
      await store.close();
    }
    expect(path.basename(file)).toBe("sentinel-2026-11-11-023000.pgdump");
    expect(readFileSync(`${file}.sha256`, "utf8")).toBe(`${sha256}  sentinel-2026-11-11-023000.pgdump\n`);
    const list = execFileSync("pg_restore", ["--list", file], { encoding: "utf8" });
    expect(list).toMatch(/TABLE public Hazard /);
    expect(list).toMatch(/TABLE DATA public Unit /);
  });
});
