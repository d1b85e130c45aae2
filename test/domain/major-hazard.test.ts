import { describe, expect, test } from "vitest";
import { loadIndicators } from "../../src/core/indicators.ts";
import { matchMajorIndicators, shortStandard, type MajorHazardIndicator } from "../../src/domain/major-hazard.ts";

const indicators = loadIndicators();
// The cases are those of the 工贸 standard and the others as one list: the chemical standard's confined-space case (the same
// phrases, for a 危化 unit only: test/core/leader-checks.test.ts) is left out here.
const ids = (text: string) => matchMajorIndicators(text, indicators.filter((i) => i.id !== "chemical-confined-space")).map((i) => i.id);

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

  test("each industry the campaign notices cover has at least one indicator", () => {
    for (const industry of ["工贸", "冶金", "危化", "建筑施工", "城镇燃气", "自建房", "烟花爆竹", "特种设备"]) {
      expect(indicators.filter((i) => i.source === industry).length, industry).toBeGreaterThan(0);
    }
  });

  test("construction cases cite the current (2024) edition of the 房屋市政 criteria", () => {
    for (const i of indicators.filter((x) => x.source === "建筑施工")) expect(i.standard, i.id).toContain("（2024版）");
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
    ["饭店后厨燃气报警器不响", "gas-user-alarm"],
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

  test.each([
    // 工贸
    ["速冻间里同时有十几个人在干活", "ammonia-refrigeration"],
    ["分割车间的空调用的是氨直接蒸发制冷", "ammonia-refrigeration"],
    ["木粉除尘器没有泄爆，积灰也很厚", "dust-explosion"],
    ["铝镁粉尘和木粉共用一套除尘系统", "dust-explosion"],
    ["窨井里有硫化氢，工人没检测就直接下去了", "confined-space"],
    ["新来的电工没有操作证", "uncertified-special-work"],
    // 冶金（工贸标准的冶金企业）
    ["铸造车间浇注区地面有积水", "molten-metal"],
    ["铁水吊运跨下面设了休息室", "molten-metal"],
    ["高炉煤气区域的值班室没装一氧化碳报警器", "metallurgy-gas"],
    ["煤气柜旁边的一氧化碳报警器坏了好几天了", "metallurgy-gas"],
    ["加热炉进车间的煤气管道没有隔断装置", "metallurgy-gas"],
    // 危化
    ["硝化反应釜的自控系统停用了，全靠人工操作", "chemical-automation"],
    ["液氯储罐离居民楼太近", "chemical-safety-distance"],
    ["罐区旁边就是学校", "chemical-safety-distance"],
    ["危化品仓库里氧化剂和易燃液体放在一起", "hazardous-chemicals-storage"],
    ["氨气检测报警器被拆了", "gas-alarm"],
    // 建筑施工
    ["塔吊司机没证就上去开了", "construction-special-work"],
    ["架子工都没有上岗证", "construction-special-work"],
    ["高支模没有方案就开始浇筑", "formwork-scaffold"],
    ["外架连墙件被拆了好几根", "formwork-scaffold"],
    ["施工升降机没验收就投入使用", "lifting-safety-device"],
    ["塔吊力矩限制器被短接了", "lifting-safety-device"],
    ["基坑超挖，也没有第三方监测", "deep-excavation"],
    // 城镇燃气
    ["小区门口卖的液化气罐都过期了", "lpg-cylinder"],
    ["有人拿大罐往小瓶里倒灌液化气", "lpg-cylinder"],
    ["送来的煤气罐没有二维码", "lpg-cylinder"],
    ["饭店后厨没装燃气报警器", "gas-user-alarm"],
    ["食堂的燃气报警装置拆了", "gas-user-alarm"],
    ["燃气管道上面被人盖了违章建筑", "gas-pipe-occupied"],
    ["天然气管线被违建占压", "gas-pipe-occupied"],
    ["煤气灶的胶管老化开裂了", "gas-hose"],
    ["液化气用的是可调的减压阀", "gas-hose"],
    // 自建房
    ["房东把一楼承重墙打掉了", "self-built-structure"],
    ["装修时在楼板上开洞", "self-built-structure"],
    ["隔壁自建房又加盖了两层", "self-built-extension"],
    ["这栋民房擅自加层", "self-built-extension"],
    ["这栋自建房一楼改成了饭店", "self-built-use-change"],
    ["居民楼一楼改作加工厂", "self-built-use-change"],
    // 烟花爆竹
    ["烟花工房里人太多，超过核定人数", "fireworks-overload"],
    ["鞭炮中转库超量存放", "fireworks-overload"],
    ["鞭炮店楼上住人，店里还有人抽烟", "fireworks-retail-residence"],
    ["黑作坊偷偷生产烟花", "fireworks-licence"],
    ["烟花厂许可证过期了还在生产", "fireworks-licence"],
  ])("%s -> %s (criteria of each industry)", (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  test("a report can match several indicators, in list order", () => {
    const matched = ids("液氨泄漏");
    expect(matched).toEqual(expect.arrayContaining(["hazardous-chemicals-storage", "ammonia-refrigeration"]));
    const order = indicators.map((i) => i.id);
    expect(matched).toEqual([...matched].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  test("a gas alarm missing in a kitchen is the 城镇燃气 case; said as 可燃气体 it is also the 危化 one", () => {
    expect(ids("饭店后厨没装燃气报警器")).toEqual(["gas-user-alarm"]);
    expect(ids("饭店后厨的可燃气体报警器坏了")).toEqual(["gas-alarm", "gas-user-alarm"]);
  });

  test("煤气 in a steel works is not a bottled-gas (煤气罐) case, and the reverse", () => {
    expect(ids("高炉煤气管道的一氧化碳报警器坏了")).toEqual(["metallurgy-gas"]);
    expect(ids("煤气罐过期了")).toEqual(["lpg-cylinder"]);
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
    ["The restaurant kitchen has no gas alarm", "gas-user-alarm"],
    ["Gas cylinders are expired and untraceable", "lpg-cylinder"],
    ["Landlord knocked down a load-bearing wall", "self-built-structure"],
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
    "车间地面有油",
    "饭店生意很好，后厨很忙",
    "液化气罐放在厨房",
    "烟花很好看",
    "塔吊正在安装",
    "冷库温度正常",
    "自建房外墙刷漆",
    "基坑开挖正常进行",
    "电工在检修配电箱",
    "锅炉房打扫干净了",
    "高炉今天检修",
    "燃气管道刷了黄漆",
    "承重墙有点脏",
    "储罐离配电箱太近",
    "The forklift is parked outside",
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
