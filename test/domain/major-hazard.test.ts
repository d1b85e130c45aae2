import { describe, expect, test } from "vitest";
import { loadIndicators } from "../../src/core/indicators.ts";
import { matchMajorIndicators, shortStandard, type MajorHazardIndicator } from "../../src/domain/major-hazard.ts";

const indicators = loadIndicators();
const ids = (text: string) => matchMajorIndicators(text, indicators).map((i) => i.id);

/** The industries whose national criteria the indicators follow (`source`). */
const SOURCES = ["工贸", "冶金", "危化", "建筑施工", "城镇燃气", "自建房", "烟花爆竹", "特种设备", "消防", "通用", "煤矿", "矿山"];

describe("the indicator data", () => {
  test("loads a non-trivial list", () => {
    expect(indicators.length).toBeGreaterThanOrEqual(10);
  });

  test("ids are unique kebab-case", () => {
    const all = indicators.map((i) => i.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  test("every indicator has a Chinese and an English name", () => {
    for (const i of indicators) {
      expect(i.zh.trim(), i.id).not.toBe("");
      expect(i.zh, i.id).toMatch(/[\u4e00-\u9fff]/);
      expect(i.en.trim(), i.id).not.toBe("");
      expect(i.en, i.id).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  test("every indicator names its industry and the national standard an official checks it against", () => {
    for (const i of indicators) {
      expect(SOURCES, i.id).toContain(i.source);
      expect(i.standard.trim(), i.id).not.toBe("");
      // The exact title in 《》, first thing in the text.
      expect(i.standard, i.id).toMatch(/^《[^》]+》/);
    }
  });

  test("the short form of a standard keeps the title and clause, not the document number", () => {
    expect(shortStandard("《工贸企业重大事故隐患判定标准》（应急管理部令第10号，2023）第十三条")).toBe("《工贸企业重大事故隐患判定标准》第十三条");
    // Brackets inside the title are part of it; only the first of several standards is kept.
    expect(shortStandard("《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（安监总管三〔2017〕121号）第二十项")).toBe(
      "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第二十项",
    );
    expect(shortStandard("《中华人民共和国特种设备安全法》第十四条；《特种设备作业人员监督管理办法》")).toBe("《中华人民共和国特种设备安全法》第十四条");
    expect(shortStandard("《重大火灾隐患判定规则》（GB 35181-2025）")).toBe("《重大火灾隐患判定规则》");
    for (const i of indicators) expect(shortStandard(i.standard), i.id).toMatch(/^《[^》]+》\S*$/);
  });

  test("叉车, cranes, boilers and pressure vessels are 特种设备作业, not 特种作业", () => {
    const byId = (id: string) => indicators.find((i) => i.id === id)!;
    const specialWork = byId("uncertified-special-work");
    const specialEquipment = byId("uncertified-special-equipment");
    expect(specialWork.standard).toContain("《特种作业人员安全技术培训考核管理规定》");
    expect(specialEquipment.source).toBe("特种设备");
    expect(specialEquipment.standard).toContain("《中华人民共和国特种设备安全法》");
    for (const word of ["叉车", "forklift", "起重", "司索", "锅炉", "压力容器", "crane"]) {
      expect(specialWork.all.flat().some((p) => p.includes(word)), word).toBe(false);
    }
    for (const word of ["叉车", "forklift", "锅炉", "压力容器"]) expect(specialEquipment.all[0], word).toContain(word);
  });

  test("every indicator has phrase groups with no blank phrase", () => {
    for (const i of indicators) {
      expect(i.all.length, i.id).toBeGreaterThan(0);
      for (const group of i.all) {
        expect(group.length, i.id).toBeGreaterThan(0);
        for (const phrase of group) expect(phrase.trim(), i.id).not.toBe("");
      }
    }
  });
});

describe("Chinese reports that suggest a major hazard", () => {
  test.each([
    ["二号车间有限空间作业没通风也没人监护", "confined-space"],
    ["污水池清淤作业前未检测就下去了", "confined-space"],
    ["化粪池 清掏 无人监护", "confined-space"],
    ["焊工王某无证上岗", "uncertified-special-work"],
    ["叉车司机没有证就在开", "uncertified-special-equipment"],
    ["叉车司机没有证", "uncertified-special-equipment"],
    ["锅炉工没有证就在烧锅炉", "uncertified-special-equipment"],
    ["行车司机无证操作", "uncertified-special-equipment"],
    ["电焊作业人员证件过期", "uncertified-special-work"],
    ["抛光车间积尘严重，除尘器不工作", "dust-explosion"],
    ["可燃气体报警器坏了", "gas-alarm"],
    ["燃气报警器不响", "gas-alarm"],
    ["有毒气体检测仪没有安装", "gas-alarm"],
    ["反应釜联锁被摘除了", "interlock-disabled"],
    ["紧急切断阀旁路运行", "interlock-disabled"],
    ["危化品和普通物品混放", "hazardous-chemicals-storage"],
    ["钢水包吊运区域有积水", "molten-metal"],
    ["一楼安全出口被锁住了", "fire-exit"],
    ["疏散通道堆满了货物", "fire-exit"],
    ["消防通道被车辆占用", "fire-exit"],
    ["仓库旁边动火作业没有动火证", "hot-work"],
    ["气割作业未审批", "hot-work"],
    ["在油漆库附近电焊", "hot-work"],
    ["井下瓦斯超限仍在作业", "mine-gas"],
    ["超层越界开采", "mine-overreach"],
    ["深基坑未支护，已经出现裂缝", "deep-excavation"],
    ["基坑边坡有坍塌迹象", "deep-excavation"],
    ["脚手架连墙件缺少", "formwork-scaffold"],
    ["塔吊限位失效", "lifting-safety-device"],
    ["监控被人遮挡", "concealed-accident-risk"],
    ["车间里住人", "crowded-workshop-storage"],
  ])("%s -> %s", (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  test("a report can match several indicators, in list order", () => {
    const matched = ids("液氨泄漏");
    expect(matched).toEqual(expect.arrayContaining(["hazardous-chemicals-storage", "ammonia-refrigeration"]));
    const order = indicators.map((i) => i.id);
    expect(matched).toEqual([...matched].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  test("spaces inside Chinese phrases do not hide them", () => {
    expect(ids("有限 空间 作业 没 通风")).toEqual(["confined-space"]);
    expect(ids("安全 出口 锁 了")).toEqual(["fire-exit"]);
  });

  test("full sentences with location and detail still match", () => {
    expect(ids("报告：三号厂房北侧的安全出口用铁链锁住了，万一着火人出不来")).toEqual(["fire-exit"]);
    expect(ids("维修班在储罐内作业，进去前没检测氧含量，外面也没人监护")).toEqual(["confined-space"]);
  });
});

describe("English reports that suggest a major hazard", () => {
  test.each([
    ["Confined space entry with no gas test", "confined-space"],
    ["Welder working without a certificate", "uncertified-special-work"],
    ["Forklift driver has no licence", "uncertified-special-equipment"],
    ["Gas detector alarm is broken", "gas-alarm"],
    ["Interlock bypassed on reactor 2", "interlock-disabled"],
    ["Fire exit locked with a chain", "fire-exit"],
    ["The emergency exit is blocked by pallets", "fire-exit"],
    ["Hot work in paint store with no permit", "hot-work"],
    ["Deep excavation unsupported, cracks on the slope", "deep-excavation"],
    ["Tower crane limit switch not working", "lifting-safety-device"],
    ["Scaffold is leaning", "formwork-scaffold"],
  ])("%s -> %s", (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  test("matching ignores case", () => {
    expect(ids("FIRE EXIT LOCKED")).toEqual(["fire-exit"]);
    expect(ids("fire exit locked")).toEqual(["fire-exit"]);
  });
});

describe("ordinary reports match nothing", () => {
  test.each([
    "地面有油污容易滑倒",
    "灭火器过期了",
    "楼梯扶手松动",
    "安全帽没戴",
    "工人没戴手套",
    "护栏缺失",
    "灯坏了",
    "窗户玻璃碎了",
    "消防栓被遮住了",
    "安全出口指示灯不亮",
    "仓库货物堆放过高",
    "配电箱电线破损裸露",
    "食堂卫生差",
    "Wet floor near the entrance",
    "Fire extinguisher expired",
    "Handrail loose on stairs",
    "",
  ])("%j", (text) => {
    expect(ids(text)).toEqual([]);
  });

  test("one group alone is not enough", () => {
    // The place of a confined-space indicator without the missing safeguard, and the reverse.
    expect(ids("有限空间作业已审批，通风检测都做了")).not.toContain("confined-space");
    expect(ids("没人监护")).toEqual([]);
    expect(ids("安全出口")).toEqual([]);
  });
});

describe("matchMajorIndicators rule", () => {
  const made = (id: string, all: string[][]): MajorHazardIndicator => ({ id, source: "通用", standard: "《x》", zh: id, en: id, all });

  test("needs a phrase from every group", () => {
    const list = [made("ab", [["a1", "a2"], ["b1"]])];
    expect(matchMajorIndicators("a2 b1", list).map((i) => i.id)).toEqual(["ab"]);
    expect(matchMajorIndicators("a1 a2", list)).toEqual([]);
    expect(matchMajorIndicators("b1", list)).toEqual([]);
  });

  test("an indicator without groups never matches", () => {
    expect(matchMajorIndicators("anything", [made("empty", [])])).toEqual([]);
  });

  test("keeps the order of the list, not of the text", () => {
    const list = [made("first", [["x"]]), made("second", [["y"]])];
    expect(matchMajorIndicators("y then x", list).map((i) => i.id)).toEqual(["first", "second"]);
  });
});
