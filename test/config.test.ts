import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

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
  ])("a wrong %s stops start-up with a message naming it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
