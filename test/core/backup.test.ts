import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { createFixture, freshPostgres, tempDirs } from "../helpers.ts";
import { runNightlyBackup } from "../../src/reminders/backup.ts";
import { decodeBackup } from "../../src/store/backup-file.ts";

// PGlite folders on disk take seconds each to create on a busy machine: the timeouts are guards, not measures.
const freshDir = tempDirs("sentinel-backup-");

const backupsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".sentinel-backup")).sort() : []);

describe("备份: a system admin's backup now", { timeout: 600_000 }, () => {
  test("only a system admin, only in a private chat; told where the file is; its size and checksum logged", async () => {
    const dir = freshDir();
    const logFile = path.join(dir, "test.log");
    const f = await createFixture({ dataDir: dir, logFile, now: "2026-11-10T06:00:00Z" });
    try {
      await f.chat.as("admin").say("新建单位 县应急管理局");
      await f.chat.as("admin").in("县局群").say("绑定 县应急管理局");
      expect((await f.chat.as("王局长").in("县局群").say("备份")).join()).toContain("只有系统管理员");
      expect((await f.chat.as("王局长").say("/backup")).join()).toContain("只有系统管理员");
      expect((await f.chat.as("admin").in("县局群").say("备份")).join()).toContain("请在私聊中发送");
      expect(backupsIn(path.join(dir, "backups"))).toEqual([]);

      const reply = (await f.chat.as("admin").say("备份")).join("\n");
      const file = /已备份：(\S+)/.exec(reply)?.[1];
      expect(file, reply).toBe(path.join(dir, "backups", "sentinel-2026-11-10-140000.sentinel-backup"));
      // The whole file's checksum, as sha256sum gives it for a copy; the header holds the payload's.
      const sha256 = createHash("sha256").update(readFileSync(file!)).digest("hex");
      const { header, payload } = decodeBackup(readFileSync(file!));
      expect(header.sha256).toBe(createHash("sha256").update(payload).digest("hex"));
      expect(reply).toContain(sha256);
      expect(reply).toContain("secret.key");

      // The same second again: a second file, not an overwrite. The Latin command in English.
      await f.chat.as("admin").say("/lang en");
      const again = (await f.chat.as("admin").say("/backup")).join("\n");
      expect(again).toContain("Backed up:");
      expect(backupsIn(path.join(dir, "backups"))).toEqual(["sentinel-2026-11-10-140000-2.sentinel-backup", "sentinel-2026-11-10-140000.sentinel-backup"]);

      const logged = readFileSync(logFile, "utf8").split("\n").filter((l) => l.includes('"op":"snapshot"')).map((l) => JSON.parse(l));
      expect(logged).toHaveLength(2);
      expect(logged[0]).toMatchObject({ module: "backup", reason: "admin", file, sha256, bytes: readFileSync(file!).length });
    } finally {
      await f.close();
    }
  });

  test("SENTINEL_BACKUP_DIR puts backups elsewhere (another disk)", async () => {
    const dir = freshDir();
    const elsewhere = path.join(freshDir(), "offsite");
    const f = await createFixture({ dataDir: dir, env: { SENTINEL_BACKUP_DIR: elsewhere } });
    try {
      expect((await f.chat.as("admin").say("备份")).join()).toContain(elsewhere);
      expect(backupsIn(elsewhere)).toHaveLength(1);
      expect(existsSync(path.join(dir, "backups"))).toBe(false);
    } finally {
      await f.close();
    }
  });
});

describe("the nightly backup", { timeout: 600_000 }, () => {
  test("at the first tick after 02:30 Shanghai, once a day, keeping the days set", async () => {
    const dir = freshDir();
    const backups = path.join(dir, "backups");
    const f = await createFixture({ dataDir: dir, now: "2026-11-10T18:20:00Z", env: { SENTINEL_BACKUP_KEEP_DAYS: "2" } });
    try {
      // 02:20 on the 11th: not yet.
      expect(await runNightlyBackup(f.app.deps)).toBeNull();
      f.clock.set("2026-11-10T18:30:00Z");
      const first = await runNightlyBackup(f.app.deps);
      expect(first?.file).toBe(path.join(backups, "sentinel-2026-11-11-023000.sentinel-backup"));
      // Later ticks, and a restart (the claim is in the store), take no second one that day.
      f.clock.set("2026-11-11T09:00:00Z");
      expect(await runNightlyBackup(f.app.deps)).toBeNull();
      f.clock.set("2026-11-11T15:59:00Z");
      expect(await runNightlyBackup(f.app.deps)).toBeNull();
      // After downtime the day's backup is taken at the first tick.
      f.clock.set("2026-11-12T06:00:00Z");
      expect((await runNightlyBackup(f.app.deps))?.file).toContain("sentinel-2026-11-12-140000");
      f.clock.set("2026-11-12T18:40:00Z");
      expect((await runNightlyBackup(f.app.deps))?.file).toContain("sentinel-2026-11-13-024000");
      // Two days kept: the 11th's is gone on the 13th.
      expect(backupsIn(backups)).toEqual(["sentinel-2026-11-12-140000.sentinel-backup", "sentinel-2026-11-13-024000.sentinel-backup"]);
    } finally {
      await f.close();
    }
  });

  test("SENTINEL_BACKUP_AT moves it; SENTINEL_BACKUP=off turns it off (an admin may still ask)", async () => {
    const dir = freshDir();
    const f = await createFixture({ dataDir: dir, now: "2026-11-10T19:00:00Z", env: { SENTINEL_BACKUP_AT: "4:15" } });
    try {
      expect(await runNightlyBackup(f.app.deps)).toBeNull();
      f.clock.set("2026-11-10T20:15:00Z");
      expect(await runNightlyBackup(f.app.deps)).not.toBeNull();
    } finally {
      await f.close();
    }
    const off = await createFixture({ dataDir: freshDir(), now: "2026-11-10T19:00:00Z", env: { SENTINEL_BACKUP: "off" } });
    try {
      expect(await runNightlyBackup(off.app.deps)).toBeNull();
      expect((await off.chat.as("admin").say("备份")).join()).toContain("已备份");
    } finally {
      await off.close();
    }
  });
});

const pg = await freshPostgres();

describe.skipIf(!pg)("on PostgreSQL", { timeout: 600_000 }, () => {
  afterAll(() => pg?.drop());

  test("no nightly snapshot unless asked for, and 备份 points to pg_dump", async () => {
    const dataDir = freshDir();
    const f = await createFixture({ postgresUrl: pg!.url, dataDir, env: { SENTINEL_SECRET: "s".repeat(40) }, now: "2026-11-10T19:00:00Z" });
    try {
      expect(await runNightlyBackup(f.app.deps)).toBeNull();
      expect((await f.chat.as("admin").say("备份")).join()).toContain("pg_dump");
      expect(existsSync(path.join(dataDir, "backups"))).toBe(false);
    } finally {
      await f.close();
    }
  });
});
