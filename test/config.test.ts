import { describe, expect, test } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, backupSettings, loadConfig } from "../src/config.ts";
import { loadRewardRules } from "../src/core/tip-rules.ts";
import { DEFAULT_REWARD_RULES } from "../src/domain/tips.ts";

describe("configuration", () => {
  test("defaults: embedded database in ./data, Chinese, no admins", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATA_DIR).toBe("./data");
    expect(c.SENTINEL_LANG).toBe("zh-CN");
    expect(c.SENTINEL_ADMINS).toEqual([]);
    expect(c.SENTINEL_CAMPAIGN_START).toBeNull();
    expect(c.SENTINEL_MAX_TEXT).toBe(1000);
  });

  test("admins are a trimmed comma list of platform:id", () => {
    expect(loadConfig({ SENTINEL_ADMINS: " telegram:123 , wechat:wxid_abc,console:admin" }).SENTINEL_ADMINS).toEqual([
      "telegram:123",
      "wechat:wxid_abc",
      "console:admin",
    ]);
  });

  test("empty strings count as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", SENTINEL_LANG: "" }).SENTINEL_LANG).toBe("zh-CN");
  });

  test("quiet hours: 21-8 by default, or a deployment's own", () => {
    expect(loadConfig({}).SENTINEL_QUIET_HOURS).toEqual({ from: 21, to: 8 });
    expect(loadConfig({ SENTINEL_QUIET_HOURS: "22:00-07:00" }).SENTINEL_QUIET_HOURS).toEqual({ from: 22, to: 7 });
  });

  test("holidays: no file by default, else the path given", () => {
    expect(loadConfig({}).SENTINEL_HOLIDAYS).toBeUndefined();
    expect(loadConfig({ SENTINEL_HOLIDAYS: "" }).SENTINEL_HOLIDAYS).toBeUndefined();
    expect(loadConfig({ SENTINEL_HOLIDAYS: "/etc/sentinel/holidays.json" }).SENTINEL_HOLIDAYS).toBe("/etc/sentinel/holidays.json");
  });

  test("backups: nightly at 02:30 into DATA_DIR/backups, 14 days, on the embedded database only unless asked for", () => {
    const c = loadConfig({ DATA_DIR: "/srv/sentinel" });
    expect(c.SENTINEL_BACKUP_AT).toEqual({ hour: 2, minute: 30 });
    expect(c.SENTINEL_BACKUP_KEEP_DAYS).toBe(14);
    expect(backupSettings(c)).toEqual({ dir: path.join("/srv/sentinel", "backups"), nightly: true });
    const pg = { DATABASE_URL: "postgresql://x@h/db" };
    expect(backupSettings(loadConfig(pg)).nightly).toBe(false);
    expect(backupSettings(loadConfig({ ...pg, SENTINEL_BACKUP: "on" })).nightly).toBe(true);
    expect(backupSettings(loadConfig({ SENTINEL_BACKUP: "off" })).nightly).toBe(false);
    expect(backupSettings(loadConfig({ SENTINEL_BACKUP_DIR: "/mnt/usb" })).dir).toBe("/mnt/usb");
    expect(loadConfig({ SENTINEL_BACKUP_AT: "23:05" }).SENTINEL_BACKUP_AT).toEqual({ hour: 23, minute: 5 });
    expect(() => loadConfig({ SENTINEL_BACKUP_AT: "2:30am" })).toThrow("SENTINEL_BACKUP_AT");
    expect(() => loadConfig({ SENTINEL_BACKUP_AT: "24:00" })).toThrow("SENTINEL_BACKUP_AT");
    expect(() => loadConfig({ SENTINEL_BACKUP_KEEP_DAYS: "0" })).toThrow("SENTINEL_BACKUP_KEEP_DAYS");
    expect(() => loadConfig({ SENTINEL_BACKUP: "yes" })).toThrow("SENTINEL_BACKUP");
  });

  test("a webhook needs its secret and a token", () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc", TELEGRAM_WEBHOOK_URL: "https://x.example/tg" })).toThrow("TELEGRAM_WEBHOOK_SECRET");
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: "https://x.example/tg", TELEGRAM_WEBHOOK_SECRET: "s" })).toThrow("TELEGRAM_BOT_TOKEN");
  });

  test("dates are normalised", () => {
    expect(loadConfig({ SENTINEL_CAMPAIGN_START: "2026年1月1日" }).SENTINEL_CAMPAIGN_START).toBe("2026-01-01");
  });

  test.each([
    ["DATABASE_URL", "mysql://localhost/x"],
    ["SENTINEL_LANG", "fr"],
    ["SENTINEL_ADMINS", "12345"],
    ["SENTINEL_CAMPAIGN_START", "2026-13-01"],
    ["SENTINEL_MAX_TEXT", "ten"],
    ["LOG_LEVEL", "loud"],
    ["SENTINEL_SECRET", "too-short"],
    ["SENTINEL_TIP_FEEDBACK_DAYS", "0"],
    ["SENTINEL_TIP_RETENTION_DAYS", "forever"],
    ["SENTINEL_QUIET_HOURS", "night"],
    ["SENTINEL_QUIET_HOURS", "25-8"],
    ["TELEGRAM_BOT_TOKEN", "not-a-token"],
  ])("a wrong %s stops start-up with a message naming it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe("reward rules from SENTINEL_TIP_REWARD_RULES", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sentinel-rules-"));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  test("unset: the national defaults", () => {
    expect(loadRewardRules(undefined)).toBe(DEFAULT_REWARD_RULES);
    expect(loadConfig({}).SENTINEL_TIP_FEEDBACK_DAYS).toBe(10);
    expect(loadConfig({}).SENTINEL_TIP_RETENTION_DAYS).toBe(90);
  });

  test("a file overrides the kinds it names and keeps the rest", () => {
    const rules = loadRewardRules(file("ok.json", JSON.stringify({ OTHER: { type: "fixed", amount: 500 } })));
    expect(rules.OTHER).toEqual({ type: "fixed", amount: 500 });
    expect(rules.MAJOR_HAZARD).toEqual(DEFAULT_REWARD_RULES.MAJOR_HAZARD);
  });

  test.each([
    ["not JSON", "{ nope"],
    ["an unknown kind", JSON.stringify({ FIRE: { type: "none" } })],
    ["a rate above 1", JSON.stringify({ MAJOR_HAZARD: { type: "fine-share", rate: 15, min: 0, max: 1 } })],
    ["a grade missing", JSON.stringify({ CONCEALED_ACCIDENT: { type: "per-death", perDeath: { GENERAL: 1 }, max: 1 } })],
  ])("%s stops start-up naming the setting", (name, text) => {
    const p = file(`${name}.json`, text);
    expect(() => loadRewardRules(p)).toThrow(ConfigError);
    expect(() => loadRewardRules(p)).toThrow("SENTINEL_TIP_REWARD_RULES");
  });

  test("a missing file too", () => {
    expect(() => loadRewardRules(path.join(dir, "absent.json"))).toThrow("SENTINEL_TIP_REWARD_RULES");
    rmSync(dir, { recursive: true, force: true });
  });
});
