import { describe, expect, test } from "vitest";
import { holdsRole, reportChannel, topUnits, type Grant } from "../../src/domain/permissions.ts";
import { ROLES, type Role } from "../../src/domain/types.ts";

// A small tree:   /1/ county ─┬─ /1/4/ enterprise ── /1/4/9/ workshop
//                             └─ /1/5/ enterprise
//                 /2/ another county
//                 /12/ a unit whose id starts with 1
const COUNTY = "/1/";
const ENTERPRISE = "/1/4/";
const WORKSHOP = "/1/4/9/";
const SIBLING = "/1/5/";
const OTHER_COUNTY = "/2/";
const TWELVE = "/12/";

const RANKED = ["WORKER", "OFFICIAL", "ADMIN"] as const;
const RANK: Record<(typeof RANKED)[number], number> = { WORKER: 1, OFFICIAL: 2, ADMIN: 3 };

describe("holdsRole", () => {
  test("a role holds on its own unit and every unit below it", () => {
    const grants: Grant[] = [{ role: "OFFICIAL", unitPath: COUNTY }];
    for (const path of [COUNTY, ENTERPRISE, WORKSHOP, SIBLING]) {
      expect(holdsRole(grants, path, "OFFICIAL"), path).toBe(true);
    }
  });

  test("never upward", () => {
    const grants: Grant[] = [{ role: "ADMIN", unitPath: WORKSHOP }];
    expect(holdsRole(grants, ENTERPRISE, "WORKER")).toBe(false);
    expect(holdsRole(grants, COUNTY, "WORKER")).toBe(false);
  });

  test("never sideways", () => {
    const grants: Grant[] = [{ role: "ADMIN", unitPath: ENTERPRISE }];
    expect(holdsRole(grants, SIBLING, "WORKER")).toBe(false);
    expect(holdsRole(grants, OTHER_COUNTY, "WORKER")).toBe(false);
  });

  test('"/1/" does not cover "/12/" (ids are whole path segments)', () => {
    const grants: Grant[] = [{ role: "ADMIN", unitPath: COUNTY }];
    expect(holdsRole(grants, TWELVE, "WORKER")).toBe(false);
    expect(holdsRole(grants, "/12/3/", "WORKER")).toBe(false);
    expect(holdsRole([{ role: "ADMIN", unitPath: TWELVE }], COUNTY, "WORKER")).toBe(false);
    expect(holdsRole([{ role: "ADMIN", unitPath: "/1/4/" }], "/1/45/", "WORKER")).toBe(false);
  });

  describe("ranking ADMIN > OFFICIAL > WORKER", () => {
    const cases = RANKED.flatMap((held) => RANKED.map((asked) => ({ held, asked, holds: RANK[held] >= RANK[asked] })));

    test.each(cases)("holding $held gives $asked: $holds", ({ held, asked, holds }) => {
      expect(holdsRole([{ role: held, unitPath: COUNTY }], ENTERPRISE, asked)).toBe(holds);
    });
  });

  describe("TIP_HANDLER stands apart: only its own grant gives it, and it gives nothing else", () => {
    test.each(ROLES.map((held) => ({ held })))("holding $held", ({ held }) => {
      const grants: Grant[] = [{ role: held, unitPath: COUNTY }];
      expect(holdsRole(grants, ENTERPRISE, "TIP_HANDLER")).toBe(held === "TIP_HANDLER");
      if (held === "TIP_HANDLER") {
        for (const r of RANKED) expect(holdsRole(grants, ENTERPRISE, r)).toBe(false);
        expect(holdsRole(grants, OTHER_COUNTY, "TIP_HANDLER")).toBe(false);
        expect(topUnits(grants, "TIP_HANDLER")).toEqual([COUNTY]);
        expect(topUnits(grants, "WORKER")).toEqual([]);
      }
    });

    test("a super-admin is not a tip handler until granted", () => {
      expect(holdsRole([], COUNTY, "TIP_HANDLER", true)).toBe(false);
      expect(holdsRole([{ role: "TIP_HANDLER", unitPath: COUNTY }], COUNTY, "TIP_HANDLER", true)).toBe(true);
      expect(holdsRole([], COUNTY, "ADMIN", true)).toBe(true);
    });
  });

  test("a higher role elsewhere does not help; any one matching grant is enough", () => {
    const grants: Grant[] = [
      { role: "ADMIN", unitPath: OTHER_COUNTY },
      { role: "WORKER", unitPath: ENTERPRISE },
    ];
    expect(holdsRole(grants, WORKSHOP, "OFFICIAL")).toBe(false);
    expect(holdsRole(grants, WORKSHOP, "WORKER")).toBe(true);
    expect(holdsRole(grants, "/2/7/", "ADMIN")).toBe(true);
  });

  test("no grants, no role", () => {
    for (const role of ROLES) expect(holdsRole([], ENTERPRISE, role)).toBe(false);
  });

  test("a super-admin holds every ranked role everywhere, with or without grants", () => {
    for (const role of RANKED) {
      for (const path of [COUNTY, WORKSHOP, OTHER_COUNTY, TWELVE, "/"]) {
        expect(holdsRole([], path, role, true)).toBe(true);
        expect(holdsRole([{ role: "WORKER", unitPath: SIBLING }], path, role, true)).toBe(true);
      }
    }
  });
});

describe("topUnits", () => {
  test("keeps only the highest units and sorts them", () => {
    const grants: Grant[] = [
      { role: "OFFICIAL", unitPath: WORKSHOP },
      { role: "OFFICIAL", unitPath: OTHER_COUNTY },
      { role: "OFFICIAL", unitPath: ENTERPRISE },
      { role: "ADMIN", unitPath: "/3/" },
    ];
    expect(topUnits(grants, "OFFICIAL")).toEqual(["/1/4/", "/2/", "/3/"]);
  });

  test("filters by rank: lower roles do not count, higher ones do", () => {
    const grants: Grant[] = [
      { role: "WORKER", unitPath: COUNTY },
      { role: "OFFICIAL", unitPath: ENTERPRISE },
      { role: "ADMIN", unitPath: OTHER_COUNTY },
    ];
    expect(topUnits(grants, "WORKER")).toEqual(["/1/", "/2/"]);
    expect(topUnits(grants, "OFFICIAL")).toEqual(["/1/4/", "/2/"]);
    expect(topUnits(grants, "ADMIN")).toEqual(["/2/"]);
  });

  test("the same unit granted twice appears once", () => {
    const grants: Grant[] = [
      { role: "OFFICIAL", unitPath: ENTERPRISE },
      { role: "ADMIN", unitPath: ENTERPRISE },
    ];
    expect(topUnits(grants, "OFFICIAL")).toEqual([ENTERPRISE]);
  });

  test('"/1/" does not swallow "/12/"', () => {
    const grants: Grant[] = [
      { role: "OFFICIAL", unitPath: TWELVE },
      { role: "OFFICIAL", unitPath: COUNTY },
    ];
    expect(topUnits(grants, "OFFICIAL")).toEqual(["/1/", "/12/"]);
  });

  test("nothing held, nothing returned", () => {
    expect(topUnits([], "WORKER")).toEqual([]);
    expect(topUnits([{ role: "WORKER", unitPath: COUNTY }], "OFFICIAL")).toEqual([]);
  });
});

test("a role reaches every depth below its unit", () => {
  const chain = ["/3/", "/3/14/", "/3/14/159/", "/3/14/159/2653/"];
  for (const [i, path] of chain.entries()) {
    for (const below of chain.slice(i)) expect(holdsRole([{ role: "WORKER", unitPath: path }], below, "WORKER")).toBe(true);
  }
});

describe("reportChannel (来源渠道 of a report filed in a unit's group)", () => {
  const county = (role: Role): Grant => ({ role, unitPath: COUNTY, unitKind: "REGULATOR" });
  const enterprise = (role: Role): Grant => ({ role, unitPath: ENTERPRISE, unitKind: "ENTERPRISE" });

  test("a worker's report is 随手拍", () => {
    expect(reportChannel([], ENTERPRISE)).toBe("REPORT");
    expect(reportChannel([enterprise("WORKER")], WORKSHOP)).toBe("REPORT");
  });

  test("the enterprise's own 安全管理员 or 主要负责人, at or above the unit: 自查", () => {
    expect(reportChannel([enterprise("OFFICIAL")], ENTERPRISE)).toBe("SELF");
    expect(reportChannel([enterprise("PRINCIPAL")], WORKSHOP)).toBe("SELF");
    // A workshop's own safety manager reporting in the workshop.
    expect(reportChannel([{ role: "OFFICIAL", unitPath: WORKSHOP, unitKind: "DEPARTMENT" }], WORKSHOP)).toBe("SELF");
  });

  test("not below their unit, not another enterprise's, not an admin's or a tip handler's grant", () => {
    expect(reportChannel([{ role: "OFFICIAL", unitPath: WORKSHOP, unitKind: "DEPARTMENT" }], ENTERPRISE)).toBe("REPORT");
    expect(reportChannel([{ role: "OFFICIAL", unitPath: SIBLING, unitKind: "ENTERPRISE" }], ENTERPRISE)).toBe("REPORT");
    expect(reportChannel([enterprise("ADMIN"), enterprise("TIP_HANDLER")], ENTERPRISE)).toBe("REPORT");
  });

  test("监管人员 of a regulator over the unit: 检查, also when they hold an enterprise role there", () => {
    expect(reportChannel([county("OFFICIAL")], WORKSHOP)).toBe("INSPECTION");
    expect(reportChannel([county("OFFICIAL"), enterprise("OFFICIAL")], ENTERPRISE)).toBe("INSPECTION");
    // Another county's inspector reporting here is a 随手拍 like anyone's; so is a regulator's tip handler.
    expect(reportChannel([{ role: "OFFICIAL", unitPath: OTHER_COUNTY, unitKind: "REGULATOR" }], ENTERPRISE)).toBe("REPORT");
    expect(reportChannel([county("TIP_HANDLER")], ENTERPRISE)).toBe("REPORT");
  });
});
