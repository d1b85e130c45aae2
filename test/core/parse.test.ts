import { describe, expect, test } from "vitest";
import {
  COMMANDS,
  isAddWord,
  parsePhotoRule,
  looksLikeSlashCommand,
  missingPlanFields,
  parseCommand,
  parseLevel,
  parseListFilter,
  parsePlanFields,
  parseRejection,
  parseRole,
  parseUnitKind,
  splitLocation,
  SPELLINGS,
  words,
} from "../../src/core/parse.ts";
import { PLAN_FIELDS } from "../../src/domain/types.ts";
import { TIPSTER_COMMANDS, parseAccidentGrade, parseTipKind, parseYuan, splitReceiptCode } from "../../src/core/parse.ts";

const SLASH = COMMANDS.flatMap((name) => SPELLINGS[name].slash.map((word) => ({ name, word })));
const ZH = COMMANDS.flatMap((name) => SPELLINGS[name].zh.map((word) => ({ name, word })));

describe("the spelling table", () => {
  test("covers every command", () => {
    expect(Object.keys(SPELLINGS).sort()).toEqual([...COMMANDS].sort());
  });

  test("no spelling belongs to two commands", () => {
    const slash = SLASH.map((s) => s.word);
    const zh = ZH.map((s) => s.word);
    expect(new Set(slash).size).toBe(slash.length);
    expect(new Set(zh).size).toBe(zh.length);
  });
});

describe("parseCommand: slash commands", () => {
  test.each(SLASH)("/$word -> $name", ({ name, word }) => {
    expect(parseCommand(`/${word}`)).toEqual({ name, args: "" });
    expect(parseCommand(`/${word} 甲 乙`)).toEqual({ name, args: "甲 乙" });
    expect(parseCommand(`/${word.toUpperCase()} X`)).toEqual({ name, args: "X" });
    expect(parseCommand(`／${word} x`)).toEqual({ name, args: "x" });
    expect(parseCommand(`!${word} x`)).toEqual({ name, args: "x" });
    expect(parseCommand(`！${word}`)).toEqual({ name, args: "" });
    expect(parseCommand(`/${word}\n第二行`)).toEqual({ name, args: "第二行" });
  });

  test.each(SLASH)("/$word@SentinelBot -> $name (Telegram group form)", ({ name, word }) => {
    const telegram = word.replace(" ", "_");
    expect(parseCommand(`/${telegram}@SentinelBot`)).toEqual({ name, args: "" });
    expect(parseCommand(`/${telegram}@SentinelBot text here`)).toEqual({ name, args: "text here" });
  });

  test.each([
    ["/report@SentinelBot 配电箱门开着", "report", "配电箱门开着"],
    ["／help", "help", ""],
    ["/unit add 城关化工厂 县应急管理局", "unit-add", "城关化工厂 县应急管理局"],
    ["/unit_add 城关化工厂", "unit-add", "城关化工厂"],
    ["/unitadd 城关化工厂", "unit-add", "城关化工厂"],
    ["/UNIT ADD X", "unit-add", "X"],
    ["/unit list", "units", ""],
    ["/units", "units", ""],
    ["/me", "whoami", ""],
    ["/mine", "mine", ""],
    ["/done YH-2026-000001", "rectified", "YH-2026-000001"],
    ["/language en", "lang", "en"],
    ["/ report spaced slash", "report", "spaced slash"],
    ["   /report    lots   of   space   ", "report", "lots   of   space"],
    ["/report : with colon", "report", "with colon"],
    ["/plan YH-2026-000001\n责任人:张三\n措施:加装护栏", "plan", "YH-2026-000001\n责任人:张三\n措施:加装护栏"],
  ] as const)("%j -> %s %j", (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  test("keeps @names in the arguments (only a mention glued to the command is the bot's)", () => {
    expect(parseCommand("/grant official @lisi")).toEqual({ name: "grant", args: "official @lisi" });
    expect(parseCommand("/grant@SentinelBot official @lisi 城关化工厂")).toEqual({
      name: "grant",
      args: "official @lisi 城关化工厂",
    });
    expect(parseCommand("/report 联系 zhang@example.com")).toEqual({ name: "report", args: "联系 zhang@example.com" });
  });

  test("accepts a full-width space or a colon right after the command (Chinese input methods)", () => {
    expect(parseCommand("／report\u3000配电箱门开着")).toEqual({ name: "report", args: "配电箱门开着" });
    expect(parseCommand("/report：配电箱门开着")).toEqual({ name: "report", args: "配电箱门开着" });
    expect(parseCommand("/report:配电箱门开着")).toEqual({ name: "report", args: "配电箱门开着" });
  });

  test.each(["/unknowncmd", "/unknowncmd args", "/unit", "/reports", "/helpme", "/me2", "/", "/123", "/报隐患 x", "//report"])(
    "%j is not a command",
    (text) => {
      expect(parseCommand(text)).toBeNull();
    },
  );
});

describe("parseCommand: Chinese keywords", () => {
  test.each(ZH)("$word -> $name", ({ name, word }) => {
    expect(parseCommand(word)).toEqual({ name, args: "" });
    expect(parseCommand(`${word} 甲 乙`)).toEqual({ name, args: "甲 乙" });
    expect(parseCommand(`${word}：甲`)).toEqual({ name, args: "甲" });
    expect(parseCommand(`${word}: 甲`)).toEqual({ name, args: "甲" });
    expect(parseCommand(`${word}，甲`)).toEqual({ name, args: "甲" });
    expect(parseCommand(`${word},甲`)).toEqual({ name, args: "甲" });
    expect(parseCommand(`${word}\u3000甲`)).toEqual({ name, args: "甲" });
    expect(parseCommand(`  ${word}  `)).toEqual({ name, args: "" });
    expect(parseCommand(`${word}\n甲\n乙`)).toEqual({ name, args: "甲\n乙" });
  });

  test.each(ZH)("$word glued to more text is chat, not a command", ({ word }) => {
    expect(parseCommand(`${word}很重要`)).toBeNull();
  });

  test.each([
    ["报隐患：二号车间配电箱门开着，电线裸露", "report", "二号车间配电箱门开着，电线裸露"],
    ["隐患 楼梯扶手松动", "report", "楼梯扶手松动"],
    ["隐患列表 重大", "list", "重大"],
    ["取消", "cancel", ""],
    ["取消挂牌 YH-2026-000001", "unsupervise", "YH-2026-000001"],
    ["取消授权 监管人员 李四", "revoke", "监管人员 李四"],
    ["确认隐患 YH-2026-000001 重大", "confirm", "YH-2026-000001 重大"],
    ["确认 YH-2026-000001 一般 2026-12-31", "confirm", "YH-2026-000001 一般 2026-12-31"],
    ["绑定单位 城关化工厂", "bind", "城关化工厂"],
    ["绑定 城关化工厂", "bind", "城关化工厂"],
    ["我的隐患", "mine", ""],
    ["我的身份", "whoami", ""],
    ["逾期隐患", "overdue", ""],
    ["验收销号 YH-2026-000001 合格", "close", "YH-2026-000001 合格"],
    ["挂牌督办 YH-2026-000001 县安委办 2026-12-20", "supervise", "YH-2026-000001 县安委办 2026-12-20"],
  ] as const)("%j -> %s %j", (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  test.each(["隐患排查很重要", "大家好", "", "   ", "请确认一下", "今天不报隐患", "hello", "确认了吗", "取消了", "统计局来检查"])(
    "%j is ordinary chat",
    (text) => {
      expect(parseCommand(text)).toBeNull();
    },
  );
});

describe("looksLikeSlashCommand", () => {
  test.each([
    ["/help", true],
    ["/unknowncmd", true],
    ["／help", true],
    ["  /help", true],
    ["/ help", true],
    ["/", false],
    ["/123", false],
    ["!help", false],
    ["hello /help", false],
    ["报隐患", false],
    ["", false],
  ] as const)("%j -> %s", (text, yes) => {
    expect(looksLikeSlashCommand(text)).toBe(yes);
  });
});

describe("words", () => {
  test.each([
    ["a b c", ["a", "b", "c"]],
    ["  a   b\n c\t d  ", ["a", "b", "c", "d"]],
    ["甲\u3000乙", ["甲", "乙"]],
    ["single", ["single"]],
    ["", []],
    ["   ", []],
  ])("%j -> %j", (args, out) => {
    expect(words(args)).toEqual(out);
  });
});

describe("parseLevel", () => {
  test.each([
    ["一般", "GENERAL"],
    ["一般隐患", "GENERAL"],
    ["general", "GENERAL"],
    ["General", "GENERAL"],
    ["GENERAL", "GENERAL"],
    ["ｇｅｎｅｒａｌ", "GENERAL"],
    ["g", "GENERAL"],
    ["G", "GENERAL"],
    ["重大", "MAJOR"],
    ["重大隐患", "MAJOR"],
    ["重大事故隐患", "MAJOR"],
    ["major", "MAJOR"],
    ["MAJOR", "MAJOR"],
    ["Ｍ", "MAJOR"],
    ["m", "MAJOR"],
  ] as const)("%j -> %s", (word, level) => {
    expect(parseLevel(word)).toBe(level);
  });

  test.each([undefined, "", "严重", "minor", "x", "重大 ", "YH-2026-000001"])("%j -> null", (word) => {
    expect(parseLevel(word)).toBeNull();
  });
});

describe("parseRole", () => {
  test.each([
    ["worker", "WORKER"],
    ["Worker", "WORKER"],
    ["从业人员", "WORKER"],
    ["员工", "WORKER"],
    ["职工", "WORKER"],
    ["official", "OFFICIAL"],
    ["OFFICIAL", "OFFICIAL"],
    ["监管人员", "OFFICIAL"],
    ["安全管理员", "OFFICIAL"],
    ["安全员", "OFFICIAL"],
    ["主要负责人", "PRINCIPAL"],
    ["负责人", "PRINCIPAL"],
    ["admin", "ADMIN"],
    ["ADMIN", "ADMIN"],
    ["管理员", "ADMIN"],
  ] as const)("%j -> %s", (word, role) => {
    expect(parseRole(word)).toBe(role);
  });

  test.each([undefined, "", "boss", "superadmin", "李四", "系统管理员"])("%j -> null", (word) => {
    expect(parseRole(word)).toBeNull();
  });
});

describe("parseListFilter", () => {
  test("no word means no filter", () => {
    expect(parseListFilter(undefined)).toEqual({});
    expect(parseListFilter("")).toEqual({});
  });

  test.each([
    ["reported", "REPORTED"],
    ["待核实", "REPORTED"],
    ["confirmed", "CONFIRMED"],
    ["已确认", "CONFIRMED"],
    ["rectifying", "RECTIFYING"],
    ["整改中", "RECTIFYING"],
    ["rectified", "RECTIFIED"],
    ["已整改", "RECTIFIED"],
    ["待验收", "RECTIFIED"],
    ["closed", "CLOSED"],
    ["Closed", "CLOSED"],
    ["已销号", "CLOSED"],
    ["rejected", "REJECTED"],
    ["不属实", "REJECTED"],
    ["已驳回", "REJECTED"],
    ["ＣＬＯＳＥＤ", "CLOSED"],
  ] as const)("status word %j -> %s", (word, status) => {
    expect(parseListFilter(word)).toEqual({ status });
  });

  test.each([
    ["重大", "MAJOR"],
    ["major", "MAJOR"],
    ["一般", "GENERAL"],
    ["g", "GENERAL"],
    ["ＭＡＪＯＲ", "MAJOR"],
  ] as const)("level word %j -> %s", (word, level) => {
    expect(parseListFilter(word)).toEqual({ level });
  });

  test.each(["open", "全部", "xyz", "逾期"])("%j is not a filter", (word) => {
    expect(parseListFilter(word)).toBeNull();
  });
});

describe("parseRejection", () => {
  test.each([
    ["重复 YH-2026-000012", "重复 YH-2026-000012", "YH-2026-000012"],
    ["重复报告 YH-2026-000012", "重复报告 YH-2026-000012", "YH-2026-000012"],
    ["dup 12", "dup 12", "12"],
    ["DUP 12", "DUP 12", "12"],
    ["duplicate 12 same place", "duplicate 12 same place", "12"],
    ["  重复   12   同一处  ", "重复 12 同一处", "12"],
  ])("%j is a duplicate of %s", (rest, reason, duplicateOf) => {
    expect(parseRejection(rest)).toEqual({ reason, duplicateOf });
  });

  test.each([
    ["现场核查不存在该问题", "现场核查不存在该问题"],
    ["  与实际不符  ", "与实际不符"],
    ["重复", "重复"],
    ["重复的问题已处理", "重复的问题已处理"],
    ["not a hazard, dup 12", "not a hazard, dup 12"],
    ["", ""],
  ])("%j is a plain reason", (rest, reason) => {
    expect(parseRejection(rest)).toEqual({ reason, duplicateOf: null });
  });
});

describe("parsePlanFields", () => {
  const FULL = { responsible: "张三", measures: "加装护栏", funds: "2万元", deadline: "2026-12-31", contingency: "设置警戒区" };

  test.each([
    ["责任人:张三 措施:加装护栏 资金:2万元 期限:2026-12-31 预案:设置警戒区"],
    ["责任人：张三 措施：加装护栏 资金：2万元 期限：2026-12-31 预案：设置警戒区"],
    ["责任人=张三 措施=加装护栏 资金=2万元 期限=2026-12-31 预案=设置警戒区"],
    ["责任人 : 张三 措施 ：加装护栏 资金= 2万元 期限:2026-12-31 预案:设置警戒区"],
    ["责任人:张三\n措施:加装护栏\n资金:2万元\n期限:2026-12-31\n预案:设置警戒区\n"],
    ["负责人:张三 整改措施:加装护栏 经费:2万元 整改期限:2026-12-31 应急预案:设置警戒区"],
    ["预案:设置警戒区 期限:2026-12-31 资金:2万元 措施:加装护栏 责任人:张三"],
    ["责任人:张三； 措施:加装护栏， 资金:2万元; 期限:2026-12-31, 预案:设置警戒区；"],
    ["责任人：张三 措施：加装护栏 资金：２万元 期限：２０２６－１２－３１ 预案：设置警戒区"],
  ])("%j", (text) => {
    expect(parsePlanFields(text)).toEqual(FULL);
  });

  test("English keys, any case, values with spaces running to the next key", () => {
    expect(
      parsePlanFields(
        "Responsible: Zhang San measures: install a guard rail on the east side Funds: 20000 yuan deadline: 2026-12-31 contingency: cordon off the area",
      ),
    ).toEqual({
      responsible: "Zhang San",
      measures: "install a guard rail on the east side",
      funds: "20000 yuan",
      deadline: "2026-12-31",
      contingency: "cordon off the area",
    });
    expect(parsePlanFields("who: Li Si 时限：2026年12月31日")).toEqual({ responsible: "Li Si", deadline: "2026年12月31日" });
  });

  test("Chinese values may contain spaces", () => {
    expect(parsePlanFields("措施:停用 东侧 配电箱 并加装防护罩 责任人:李主任")).toEqual({
      measures: "停用 东侧 配电箱 并加装防护罩",
      responsible: "李主任",
    });
  });

  test("text before the first key is ignored, empty values are left out, the last of a repeated key wins", () => {
    expect(parsePlanFields("说明一下 责任人:张三")).toEqual({ responsible: "张三" });
    expect(parsePlanFields("责任人: 措施:加装护栏")).toEqual({ measures: "加装护栏" });
    expect(parsePlanFields("责任人:张三 责任人:李四")).toEqual({ responsible: "李四" });
  });

  test("no keys, no fields", () => {
    expect(parsePlanFields("")).toEqual({});
    expect(parsePlanFields("张三 加装护栏 2万元")).toEqual({});
    expect(parsePlanFields("责任人 张三")).toEqual({});
  });
});

describe("missingPlanFields", () => {
  test("all five in 五到位 order when nothing is given", () => {
    expect(missingPlanFields({})).toEqual(["responsible", "measures", "funds", "deadline", "contingency"]);
    expect(missingPlanFields({})).toEqual([...PLAN_FIELDS]);
  });

  test("only what is missing, in order; blank counts as missing", () => {
    expect(missingPlanFields({ responsible: "张三", deadline: "2026-12-31" })).toEqual(["measures", "funds", "contingency"]);
    expect(missingPlanFields({ responsible: "", measures: "x", funds: "y", deadline: "z", contingency: "w" })).toEqual(["responsible"]);
  });

  test("nothing missing from a full plan", () => {
    expect(missingPlanFields(parsePlanFields("责任人:张三 措施:加装护栏 资金:2万元 期限:2026-12-31 预案:设置警戒区"))).toEqual([]);
  });
});

describe("splitLocation", () => {
  test.each([
    ["配电箱门开着 地点：二号车间", "配电箱门开着", "二号车间"],
    ["配电箱门开着 地点:二号车间东侧", "配电箱门开着", "二号车间东侧"],
    ["配电箱门开着，位置:三号仓库", "配电箱门开着", "三号仓库"],
    ["地点：二号车间，配电箱门开着", "配电箱门开着", "二号车间"],
    ["配电箱门开着 地点 ： 二号车间 ", "配电箱门开着", "二号车间"],
    ["电线裸露。地点：二号车间。", "电线裸露", "二号车间"],
    ["Cable exposed where: workshop 2", "Cable exposed", "workshop 2"],
    ["Cable exposed, Location: Gate 3", "Cable exposed", "Gate 3"],
    ["WHERE: Gate 3, cable exposed", "cable exposed", "Gate 3"],
  ])("%j -> %j at %j", (text, description, location) => {
    expect(splitLocation(text)).toEqual({ description, location });
  });

  test("the place ends at a line break", () => {
    expect(splitLocation("电线裸露\n地点：二号车间\n请尽快处理")).toEqual({ description: "电线裸露\n\n请尽快处理", location: "二号车间" });
  });

  test.each(["配电箱门开着", "  配电箱门开着  ", "地点不清楚", ""])("%j has no place", (text) => {
    expect(splitLocation(text)).toEqual({ description: text.trim(), location: null });
  });
});

describe("tip commands", () => {
  test.each([
    ["举报", "tip", ""],
    ["我要举报 某厂夜里开工", "tip", "某厂夜里开工"],
    ["举报查询 1234 5678", "tip-status", "1234 5678"],
    ["/tip status 1234", "tip-status", "1234"],
    ["/tip_reply 1234 东侧", "tip-reply", "1234 东侧"],
    ["/tips", "tips", ""],
    ["/tips all", "tips", "all"],
    ["/tip show JB-2026-000001", "tip-show", "JB-2026-000001"],
    ["查看举报 JB-2026-000001", "tip-show", "JB-2026-000001"],
    ["举报核查 JB-2026-000001 属实", "tip-verify", "JB-2026-000001 属实"],
    ["奖励已发放 1", "tip-paid", "1"],
  ])("%s → %s", (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  test("举报电话 and 举报人 are chat, not a tip", () => {
    expect(parseCommand("举报电话是12350")).toBeNull();
    expect(parseCommand("举报人很勇敢")).toBeNull();
  });

  test("the tipster's commands are exactly the anonymous lane's", () => {
    expect([...TIPSTER_COMMANDS].sort()).toEqual(["tip", "tip-anon", "tip-claim", "tip-named", "tip-notify", "tip-reply", "tip-status"]);
  });

  test.each([
    ["1", "MAJOR_HAZARD"], ["１", "MAJOR_HAZARD"], ["重大隐患", "MAJOR_HAZARD"], ["2.", "ILLEGAL_OPERATION"], ["非法", "ILLEGAL_OPERATION"],
    ["3、", "CONCEALED_ACCIDENT"], ["瞒报", "CONCEALED_ACCIDENT"], ["Accident", "CONCEALED_ACCIDENT"], ["4", "OTHER"], ["其它", "OTHER"],
    ["5", null], ["什么", null], ["", null],
  ])("tip kind %s → %s", (text, kind) => {
    expect(parseTipKind(text)).toBe(kind);
  });

  test.each([
    ["50000", 50000], ["5万", 50000], ["5万元", 50000], ["1.5万", 15000], ["¥12,000", 12000], ["￥３０００元", 3000], ["12000元", 12000],
    ["一些", null], ["-5", null], ["", null], [undefined, null],
  ])("yuan %s → %s", (text, yuan) => {
    expect(parseYuan(text)).toBe(yuan);
  });

  test.each([
    ["一般", "GENERAL"], ["较大事故", "LARGER"], ["重大", "MAJOR"], ["特别重大", "ESPECIALLY_MAJOR"], ["larger", "LARGER"], ["不大", null], [undefined, null],
  ])("accident grade %s → %s", (word, grade) => {
    expect(parseAccidentGrade(word)).toBe(grade);
  });

  describe("splitReceiptCode: the code runs to its 28th digit, whatever the separators", () => {
    const code = "1234 5678 9012 3456 7890 1234 5678";
    test.each([
      [`${code} 3号仓库东侧`, code, "3号仓库东侧"],
      [`${code.replace(/ /g, "-")} 东侧`, code.replace(/ /g, "-"), "东侧"],
      [`${code.replace(/ /g, "")}3楼`, code.replace(/ /g, ""), "3楼"],
      [code, code, ""],
      ["1234 5678 东侧", "1234 5678", "东侧"],
      ["", "", ""],
    ])("%s", (args, c, rest) => {
      expect(splitReceiptCode(args, 28)).toEqual({ code: c, rest });
    });
  });
});

describe("words are read from their own tables only", () => {
  // An object's built-in names (`constructor`, `toString`, `__proto__`) once read as a level, a role or a kind.
  test.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])("%j means nothing", (word) => {
    expect(parseLevel(word)).toBeNull();
    expect(parseRole(word)).toBeNull();
    expect(parseUnitKind(word)).toBeNull();
    expect(parseListFilter(word)).toBeNull();
    expect(parseTipKind(word)).toBeNull();
    expect(parseAccidentGrade(word)).toBeNull();
    expect(parsePlanFields(`${word}:张三`)).toEqual({});
  });
});

describe("photo words", () => {
  test.each(["补充", " 添加 ", "上传", "add", "MORE"])("%j asks to add photos", (w) => expect(isAddWord(w)).toBe(true));
  test.each(["", "补充照片", "看", "YH-2026-000001"])("%j does not", (w) => expect(isAddWord(w)).toBe(false));
  test.each([
    ["必须", "required"],
    ["需要", "required"],
    ["ON", "required"],
    ["不必", "optional"],
    ["可选", "optional"],
    ["optional", "optional"],
    ["", null],
    ["也许", null],
  ] as const)("整改照片 %j → %j", (w, want) => expect(parsePhotoRule(w)).toBe(want));
});
