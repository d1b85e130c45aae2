import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFixture, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { consolePhoto } from "../../src/platforms/console/chat.ts";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
  await seedTree(f);
});
afterAll(() => f.close());

const worker = () => f.chat.as("张三").in("车间群");
const plantOfficial = () => f.chat.as("李主任").in("车间群");
const county = () => f.chat.as("王局长").in("县局群");
const PLAN = "责任人:李主任 措施:加装强制通风和气体检测仪 资金:2万元 期限:2026-12-15 预案:设置警戒区，配备空气呼吸器";

describe("a hazard from report to close-out", () => {
  let n: string;

  test("a worker reports in one line and gets a number and the next step", async () => {
    const r = await worker().say("报隐患 二号车间配电箱门未关，电线裸露 地点：二号车间东侧");
    n = numberIn(r);
    expect(n).toMatch(/^YH-2026-\d{6}$/);
    expect(r[0]).toContain("待核实");
    expect(r[0]).toContain(`查询 ${n}`);
    expect(r[0]).not.toContain("重大事故隐患判定标准");
  });

  test("an official confirms with a level; a second confirm is refused with the allowed steps", async () => {
    expect((await plantOfficial().say(`确认 ${n} 一般 2026-12-20`))[0]).toContain("一般隐患");
    const again = await plantOfficial().say(`确认 ${n} 重大`);
    expect(again[0]).toContain("不能“确认”");
    expect(again[0]).toContain("整改方案");
  });

  test("a plan needs all five parts, then rectified, then close", async () => {
    const missing = await plantOfficial().say(`整改方案 ${n} 责任人:李主任 措施:关门`);
    expect(missing[0]).toContain("资金、期限、预案");
    expect((await plantOfficial().say(`整改方案 ${n} ${PLAN}`))[0]).toContain("进入整改");
    expect((await plantOfficial().say(`销号 ${n}`))[0]).toContain("不能“销号”");
    expect((await plantOfficial().say(`已整改 ${n} 已加装门锁`))[0]).toContain("待验收");
    expect((await plantOfficial().say(`销号 ${n} 验收合格`))[0]).toContain("已验收销号");
    const done = await plantOfficial().say(`已整改 ${n}`);
    expect(done[0]).toContain("流程已结束");
  });

  test("status shows state, level, deadline and the whole history", async () => {
    const [s] = await worker().say(`查询 ${n}`);
    expect(s).toContain("已销号");
    expect(s).toContain("一般隐患");
    expect(s).toContain("地点：二号车间东侧");
    expect(s).toContain("整改期限：2026-12-15");
    for (const step of ["报告（张三）", "确认（李主任）", "整改方案（李主任）", "已整改（李主任）：已加装门锁", "销号（李主任）：验收合格"]) {
      expect(s).toContain(step);
    }
  });
});

describe("notifications and inheritance", () => {
  test("the county official acts on the enterprise's hazard and the reporter hears it in their group", async () => {
    const n = numberIn(await worker().say("隐患：三号仓库安全出口被货物堵塞"));
    expect((await worker().say(`查询 ${n}`))[0]).toContain("系统提示");
    const before = f.chat.inbox("车间群").length;
    await county().say(`确认 ${n} 重大`);
    const notices = f.chat.inbox("车间群").slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`${n} 已被确认`);
    expect(notices[0]).toContain("王局长");
    expect((await county().say(`挂牌 ${n} 县安委办 2026-12-31`))[0]).toContain("挂牌督办");
  });

  test("the enterprise's official cannot act on the county's own hazards", async () => {
    const n = numberIn(await f.chat.as("王局长").in("县局群").say("报隐患 局机关楼道灭火器过期"));
    const r = await f.chat.as("李主任").in("车间群").say(`确认 ${n} 一般`);
    expect(r[0]).toContain(`找不到隐患 ${n}`);
  });
});

describe("refusals say why and what to do", () => {
  test("unknown and malformed numbers", async () => {
    expect((await plantOfficial().say("确认 YH-2026-999999 一般"))[0]).toContain("找不到隐患 YH-2026-999999");
    expect((await plantOfficial().say("/confirm ABC general"))[0]).toContain("不是隐患编号");
    expect((await worker().say("/status"))[0]).toContain("用法：查询 编号");
    // In a busy group a keyword not followed by a number is chatter: no answer at all.
    expect(await plantOfficial().say("确认 ABC 一般")).toEqual([]);
    expect(await worker().say("查询")).toEqual([]);
    expect(await worker().say("确认 一下明天几点开会")).toEqual([]);
  });

  test("a worker may not confirm", async () => {
    const n = numberIn(await worker().say("报隐患 叉车司机无证驾驶"));
    const r = await worker().say(`确认 ${n} 一般`);
    expect(r[0]).toContain("安全管理员权限");
  });

  test("an unbound group cannot report and is told how to bind", async () => {
    const r = await f.chat.as("赵六").in("无名群").say("报隐患 楼梯扶手松动");
    expect(r[0]).toContain("还没有绑定单位");
    expect(r[0]).toContain("绑定 单位名称");
  });

  test("a report in a private chat is sent to the group", async () => {
    expect((await f.chat.as("张三").say("报隐患 楼梯扶手松动"))[0]).toContain("已绑定单位的群");
  });

  test("too long, empty, bad dates, bad level", async () => {
    expect((await worker().say("报隐患 " + "很".repeat(1001)))[0]).toContain("最多 1000 个字");
    expect((await worker().say("报隐患 地点：一号车间"))[0]).toContain("不能为空");
    const n = numberIn(await worker().say("报隐患 消防栓被遮挡"));
    expect((await plantOfficial().say(`确认 ${n} 一般 2026-02-30`))[0]).toContain("不是有效日期");
    expect((await plantOfficial().say(`确认 ${n} 一般 2026-01-05`))[0]).toContain("已经过去");
    expect((await plantOfficial().say(`确认 ${n} 很重`))[0]).toContain("用法：确认");
    expect((await county().say(`挂牌 ${n} 县安委办 2026-12-31`))[0]).toContain("当前是“待核实”");
    await plantOfficial().say(`确认 ${n} 一般`);
    expect((await county().say(`挂牌 ${n} 县安委办 2026-12-31`))[0]).toContain("不是重大事故隐患");
  });

  test("a duplicate is rejected against the original; a hazard cannot duplicate itself", async () => {
    const a = numberIn(await worker().say("报隐患 污水池作业无人监护"));
    const b = numberIn(await f.chat.as("李四").in("车间群").say("报隐患 污水池有人作业，没人看着"));
    expect((await plantOfficial().say(`驳回 ${b} 重复 ${b}`))[0]).toContain("不能是它自己的重复");
    expect((await plantOfficial().say(`驳回 ${b} 重复 ${a}`))[0]).toContain(`隐患 ${b} 与 ${a} 重复，已标记为重复报告`);
    expect((await plantOfficial().say(`驳回 ${a}`))[0]).toContain("用法：驳回");
  });

  test("commands a group does not know in private get a pointer to help", async () => {
    expect((await f.chat.as("张三").say("/frobnicate"))[0]).toContain("没有这个命令");
    expect((await f.chat.as("张三").say("你好"))[0]).toContain("隐患哨兵");
  });

  test("ordinary group chat gets no answer", async () => {
    expect(await worker().say("隐患排查很重要，大家注意")).toEqual([]);
  });
});

describe("the same message twice files once", () => {
  test("a redelivered report is not filed again and gets no second reply", async () => {
    const first = await worker().say("报隐患 二楼平台护栏缺失", { messageId: "m-dup-1" });
    const n = numberIn(first);
    const again = await worker().say("报隐患 二楼平台护栏缺失", { messageId: "m-dup-1" });
    expect(again).toEqual([]);
    const mine = (await worker().say("我的隐患"))[0]!;
    expect(mine.match(/二楼平台护栏缺失/g)).toHaveLength(1);
    expect(mine).toContain(n);
  });
});

describe("the guided report", () => {
  test("asks what, where and for a photo, keeps photos, can be cancelled", async () => {
    const w = f.chat.as("王五").in("车间群");
    expect((await w.say("随手拍"))[0]).toContain("看到了什么");
    expect((await w.say("", { photos: ["photo-1"] }))[0]).toContain("已收到照片");
    expect((await w.say("储罐区可燃气体报警器坏了，不响"))[0]).toContain("什么地方");
    expect((await w.say("储罐区"))[0]).toContain("照片");
    const filed = await w.say("", { photos: ["photo-2"] });
    expect(filed[0]).toContain("照片 2 张");
    expect(filed.join("\n")).toContain("可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置");
    expect(filed.join("\n")).toContain("《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十二项");
    const [s] = await w.say(`查询 ${numberIn(filed)}`);
    expect(s).toContain("地点：储罐区");
    expect(s).toContain("报告照片：2 张");

    await w.say("报隐患");
    expect((await w.say("取消"))[0]).toContain("已取消");
    expect((await w.say("这句只是闲聊"))).toEqual([]);
    expect((await w.say("取消"))[0]).toContain("没有进行中的填报");
  });

  test("a dialog left for hours expires instead of swallowing chat", async () => {
    const w = f.chat.as("钱七").in("车间群");
    await w.say("报隐患");
    f.clock.advanceDays(1);
    expect(await w.say("今天天气不错")).toEqual([]);
    expect((await w.say("我的隐患"))[0]).toContain("还没有报告过");
    f.clock.advanceDays(-1);
  });
});

describe("queries", () => {
  test("overdue lists open hazards past their deadline for officials only", async () => {
    const n = numberIn(await worker().say("报隐患 行车限位器失效"));
    await plantOfficial().say(`确认 ${n} 一般 2026-11-12`);
    expect((await plantOfficial().say("逾期"))[0]).toContain("没有逾期");
    f.clock.advanceDays(3);
    const r = await county().say("逾期");
    expect(r[0]).toContain(n);
    expect((await worker().say(`查询 ${n}`))[0]).toContain("已逾期");
    expect((await worker().say("逾期"))[0]).toContain("安全管理员权限");
    f.clock.advanceDays(-3);
  });

  test("list filters by status and level and refuses unknown filters", async () => {
    expect((await county().say("隐患列表 重大"))[0]).toContain("重大事故隐患");
    expect((await county().say("隐患列表 已销号"))[0]).toContain("已销号");
    expect((await county().say("隐患列表 紫色"))[0]).toContain("用法：隐患列表");
  });

  test("a worker of another unit cannot see the hazard or the unit's list", async () => {
    const n = numberIn(await worker().say("报隐患 脚手架连墙件缺失"));
    await f.chat.as("admin").say("新建单位 南关机械厂 县应急管理局");
    await f.chat.as("admin").in("机械厂群").say("绑定 南关机械厂");
    const other = f.chat.as("孙八").in("机械厂群");
    expect((await other.say(`查询 ${n}`))[0]).toContain("找不到隐患");
    expect((await other.say("隐患列表"))[0]).toContain("安全管理员权限");
    const [stats] = await other.say("统计");
    expect(stats).toContain("南关机械厂");
    expect(stats).toContain("排查 0");
  });

  test("/mine in English for a person who chose English", async () => {
    const me = f.chat.as("张三");
    await me.say("/lang en");
    const [r] = await me.say("/mine");
    expect(r).toContain("Your reports");
    expect(r).toContain("awaiting verification");
    await me.say("/lang zh");
  });
});

describe("found in review", () => {
  test("an admin of another unit cannot move a bound group to their unit", async () => {
    await f.chat.as("admin").say("新建单位 乙厂 县应急管理局");
    await f.chat.as("乙厂管理员").say("我的身份");
    await f.chat.as("admin").say("授权 管理员 乙厂管理员 乙厂");
    const r = await f.chat.as("乙厂管理员").in("车间群").say("绑定 乙厂");
    expect(r[0]).toContain("管理员权限");
    expect((await worker().say("我的身份"))[0]).toContain("本群所属单位：城关化工厂");
  });

  test("a guided report answered with only a place is refused, not filed empty", async () => {
    const w = f.chat.as("周九").in("车间群");
    await w.say("报隐患");
    expect((await w.say("地点：二号车间"))[0]).toContain("不能为空");
    expect((await w.say("二号车间地沟盖板缺失"))[0]).toContain("什么地方");
    await w.say("取消");
  });

  test("supervision tells the reporter it was listed, and status shows the newest history", async () => {
    const n = numberIn(await worker().say("报隐患 塔吊限位器失效"));
    await county().say(`确认 ${n} 重大`);
    for (let i = 0; i < 13; i++) await plantOfficial().say(`整改方案 ${n} 责任人:李主任 措施:更换限位器${i} 资金:1万元 期限:2026-12-30 预案:停用塔吊`);
    const before = f.chat.inbox("车间群").length;
    await county().say(`挂牌 ${n} 县安委办 2026-12-31`);
    expect(f.chat.inbox("车间群").slice(before).join("\n")).toContain("已挂牌督办");
    await plantOfficial().say(`已整改 ${n} 最后一步`, { photos: [consolePhoto(1)] });
    const [s] = await worker().say(`查询 ${n}`);
    expect(s).toContain("已整改（李主任）：最后一步");
  });
});

test("in private, an official over two separate units sees both", async () => {
  await f.chat.as("admin").say("新建单位 丁县");
  await f.chat.as("admin").in("丁群").say("绑定 丁县");
  await f.chat.as("钱").say("我的身份");
  await f.chat.as("admin").say("授权 安全管理员 钱 城关化工厂");
  await f.chat.as("admin").say("授权 监管人员 钱 丁县");
  const a = numberIn(await f.chat.as("丁工").in("丁群").say("报隐患 丁县仓库安全出口上锁"));
  const [list] = await f.chat.as("钱").say("隐患列表 待核实");
  expect(list).toContain(a);
  expect(list).toContain("城关化工厂");
  expect(list).toContain("城关化工厂、丁县");
  const [stats] = await f.chat.as("钱").say("统计");
  expect(stats).toContain("城关化工厂、丁县");
});

test("a report matching a major-hazard case names the case and the standard it comes from", async () => {
  const [r] = await worker().say("报隐患 二号车间有限空间作业没通风也没人监护");
  expect(r).toContain("重大事故隐患判定标准中的情形");
  expect(r).toContain("有限空间作业");
  expect(r).toContain("（《工贸企业重大事故隐患判定标准》第十三条）");
  // The document number stays in the data; the reply names title and clause only.
  expect(r).not.toContain("应急管理部令");
});
