import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeUntrue, createFixture, fileTip, numberIn, receiptCodeIn, seedTree, tipNumberIn, type Fixture } from "../helpers.ts";
import { makeReceiptCode } from "../../src/domain/receipt-code.ts";
import { LOOKUP_LIMIT_PER_CHAT } from "../../src/core/features/tipster.ts";
import { runTipDigest, runTipMaintenance } from "../../src/reminders/tips.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";

let f: Fixture;

/** The county office's tip handler is 王局长; a second county has its own handler, 赵主任. */
async function seedTips(fx: Fixture): Promise<void> {
  await seedTree(fx);
  const admin = fx.chat.as("admin");
  await admin.in("县局群").say("授权 举报处理人 王局长");
  await admin.say("新建单位 邻县应急管理局");
  await admin.in("邻县群").say("绑定 邻县应急管理局");
  await fx.chat.as("赵主任").in("邻县群").say("我的身份");
  await admin.in("邻县群").say("授权 举报处理人 赵主任");
}


beforeEach(async () => {
  f = await createFixture();
  await seedTips(f);
});
afterEach(() => f.close());

describe("a tipster", () => {
  test("is guided step by step, may add photos, and gets a receipt code shown until they say it is saved", async () => {
    const t = f.chat.as("举报人小王");
    const [intro, menu] = await t.say("我要举报");
    expect(intro).toContain("可匿名");
    expect(menu).toContain("1. 重大事故隐患");
    expect(await t.say("第五种")).toEqual([expect.stringContaining("没看懂类别")]);
    expect(await t.say("2")).toEqual([expect.stringContaining("哪家企业")]);
    expect(await t.say("城关化工厂")).toEqual([expect.stringContaining("看到了什么")]);
    expect(await t.say("无证生产", { photos: ["p1"] })).toEqual([expect.stringContaining("已收到 1 张照片")]);
    expect(await t.say("", { photos: ["p2"] })).toEqual([expect.stringContaining("已收到照片或文件（共 2 个）")]);
    expect(await t.say("周末晚上开工")).toEqual([expect.stringContaining("匿名")]);
    expect(await t.say("随便")).toEqual([expect.stringContaining("实名 姓名 电话")]);
    const [filed] = await t.say("匿名");
    const code = receiptCodeIn(filed!);
    expect(filed).toContain("JB-2026-000001");
    const [again] = await t.say("我再看一下");
    expect(receiptCodeIn(again!)).toBe(code);
    await t.say("已保存");
    // Gone: the dialog is over, the bot cannot show the code again.
    expect((await t.say("已保存")).join()).not.toContain(code);

    const [detail] = await f.chat.as("王局长").say("查看举报 JB-2026-000001");
    expect(detail).toContain("非法违法生产经营建设行为");
    expect(detail).toContain("无证生产\n周末晚上开工");
    expect(detail).toContain("照片 2 张");
    expect(detail).toContain("举报人：匿名");
  });

  test("starting with the text fills in what was seen; 取消 drops everything", async () => {
    const t = f.chat.as("举报人小王");
    await t.say("举报 城关化工厂夜里无证生产");
    expect(await t.say("2")).toEqual([expect.stringContaining("哪家企业")]);
    expect(await t.say("城关化工厂")).toEqual([expect.stringContaining("照片")]);
    expect(await t.say("取消")).toEqual([expect.stringContaining("没有保存任何内容")]);
    expect(await f.chat.as("王局长").say("举报列表")).toEqual([expect.stringContaining("目前没有未办结的举报")]);
  });

  test("a tip posted in a group is turned away without being kept or repeated", async () => {
    const out = await f.chat.as("张三").in("车间群").say("举报 化工厂夜里偷排废液");
    expect(out).toHaveLength(1);
    expect(out[0]).toContain("请私聊我");
    expect(out[0]).not.toContain("偷排");
    expect(f.chat.sent.get("车间群")!.at(-1)!.replyToMessageId).toBeUndefined();
    expect(await f.chat.as("王局长").say("举报列表")).toEqual([expect.stringContaining("目前没有")]);
  });

  test("the code is read with spaces, dashes, full-width digits; typos and unknown codes are told apart", async () => {
    const { code } = await fileTip(f, "举报人小王");
    const t = f.chat.as("陌生人");
    const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const typed of [code, code.replace(/ /g, "-"), code.replace(/ /g, ""), fullWidth]) {
      expect(await t.say(`举报查询 ${typed}`)).toEqual([expect.stringContaining("JB-2026-000001")]);
    }
    const typo = code.slice(0, 5) + (code[5] === "1" ? "2" : "1") + code.slice(6);
    expect(await t.say(`举报查询 ${typo}`)).toEqual([expect.stringContaining("回执码有误")]);
    expect(await t.say("举报查询")).toEqual([expect.stringContaining("用法：举报查询 回执码")]);
    const unknown = makeReceiptCode("9".repeat(26));
    expect(await t.say(`/tip status ${unknown}`)).toEqual([expect.stringContaining("没有找到")]);
  });

  test("wrong codes are rate-limited per chat: after the limit even the right code waits", async () => {
    const { code } = await fileTip(f, "举报人小王");
    const t = f.chat.as("猜码的人");
    for (let i = 0; i < LOOKUP_LIMIT_PER_CHAT; i++) {
      expect(await t.say(`举报查询 ${makeReceiptCode(String(i).padStart(26, "7"))}`)).toEqual([expect.stringContaining("没有找到")]);
    }
    expect(await t.say(`举报查询 ${code}`)).toEqual([expect.stringContaining("一小时后再试")]);
    // Another chat is not held back, and the next hour starts afresh.
    expect(await f.chat.as("举报人小王").say(`举报查询 ${code}`)).toEqual([expect.stringContaining("JB-2026-000001")]);
    f.clock.set("2026-11-10T03:00:00Z");
    expect(await t.say(`举报查询 ${code}`)).toEqual([expect.stringContaining("JB-2026-000001")]);
  });

  test("no number of other chats guessing wrong locks a genuine tipster out of their code", async () => {
    const { code } = await fileTip(f, "举报人小王");
    // A hundred chats guessing through the bot, then the count 2,100 such chats leave in this hour (through the bot
    // that takes ~50 s here): every count the lookup could share — per hour, under any key — is already filled.
    for (let i = 0; i < 100; i++) await f.chat.as(`猜码${i}`).say(`举报查询 ${makeReceiptCode(String(i).padStart(26, "3"))}`);
    const hour = new Date(Math.floor(f.clock.now.getTime() / 3600_000) * 3600_000);
    await f.app.store.transaction(async (repo) => {
      for (let i = 100; i < 2100; i++) await repo.tips.hit("tip-code:*", hour);
    });
    expect(await f.chat.as("举报人小王").say(`举报查询 ${code}`)).toEqual([expect.stringContaining("JB-2026-000001")]);
    expect(await f.chat.as("猜码0").say(`举报查询 ${code}`)).toEqual([expect.stringContaining("JB-2026-000001")]);
  });

  test("answers a handler's question, sees the answer to the tip, claims the reward; a closed tip takes nothing more", async () => {
    const { number, code } = await fileTip(f, "举报人小王");
    const w = f.chat.as("王局长");
    const t = f.chat.as("举报人小王");
    await w.say(`举报追问 ${number} 具体是几号仓库？`);
    const [status] = await t.say(`举报查询 ${code}`);
    expect(status).toContain("提问：具体是几号仓库？");
    expect(status).toContain("举报补充 回执码");
    expect(status).not.toContain("王局长");
    expect(await t.say(`申领奖励 ${code}`)).toEqual([expect.stringContaining("核查属实后才能申领")]);
    expect(await t.say(`举报补充 ${code} 3号仓库东侧`)).toEqual([expect.stringContaining("已加密保存")]);
    const [list] = await w.say("举报列表");
    expect(list).toContain("有新补充");
    expect((await w.say(`查看举报 ${number}`))[0]).toContain("举报人 补充：3号仓库东侧");
    expect((await w.say("举报列表"))[0]).not.toContain("· 有新补充");

    await w.say(`举报核查 ${number} 属实 现场查实`);
    expect((await t.say(`举报查询 ${code}`))[0]).toContain("申领奖励 回执码");
    const [claim] = await t.say(`申领奖励 ${code}`);
    expect(claim).toContain("县应急管理局");
    expect(claim).toContain("身份证");
    await w.say(`举报反馈 ${number} 已查实并责令停产整改`);
    // A claimed reward is decided before the tip is closed.
    expect(await w.say(`举报办结 ${number}`)).toEqual([expect.stringContaining("请先核定")]);
    await w.say(`批准奖励 ${number}`);
    await w.say(`奖励已发放 ${number}`);
    await w.say(`举报办结 ${number}`);
    expect(await t.say(`举报补充 ${code} 还有一件事`)).toEqual([expect.stringContaining("已办结")]);
    expect(await t.say(`申领奖励 ${code}`)).toEqual([expect.stringContaining("已经发放")]);
    const [closed] = await t.say(`举报查询 ${code}`);
    expect(closed).toContain("已办结（核查属实）");
    expect(closed).toContain("答复：已查实并责令停产整改");
  });

  test("a named tip shows the name to the handler only; switching to anonymous deletes it", async () => {
    const { number, code } = await fileTip(f, "举报人小王", { identity: "实名 王五 13900001111" });
    const w = f.chat.as("王局长");
    expect((await w.say(`查看举报 ${number}`))[0]).toContain("王五，13900001111");
    expect((await w.say("举报列表"))[0]).not.toContain("王五");
    expect(await f.chat.as("举报人小王").say(`转为匿名 ${code}`)).toEqual([expect.stringContaining("已删除")]);
    const [after] = await w.say(`查看举报 ${number}`);
    expect(after).toContain("举报人：匿名");
    expect(after).not.toContain("王五");
    await f.chat.as("举报人小王").say(`转为实名 ${code} 王五 13900001111`);
    expect((await w.say(`查看举报 ${number}`))[0]).toContain("王五");
    expect(await f.chat.as("举报人小王").say(`转为实名 ${code} 王五`)).toEqual([expect.stringContaining("实名 姓名 电话")]);
  });

  test("notices are off by default; when turned on, news reaches the tipster's chat without content", async () => {
    const { number, code } = await fileTip(f, "举报人小王");
    const w = f.chat.as("王局长");
    await w.say(`举报追问 ${number} 是哪一天？`);
    expect(f.chat.sent.get("dm:举报人小王")!.at(-1)!.text).not.toContain("新消息");
    const [on] = await f.chat.as("举报人小王").say(`举报通知 ${code} 开`);
    expect(on).toContain("掌握服务器密钥的人");
    const [asked] = await w.say(`举报追问 ${number} 大概几点？`);
    expect(asked).toContain("已提醒其查看");
    const notice = f.chat.sent.get("dm:举报人小王")!.at(-1)!.text;
    expect(notice).toContain(`您的举报 ${number} 有新消息`);
    expect(notice).not.toContain("几点");
    await f.chat.as("举报人小王").say(`举报通知 ${code} 关`);
    await w.say(`举报追问 ${number} 还在吗？`);
    expect(f.chat.sent.get("dm:举报人小王")!.at(-1)!.text).not.toContain("有新消息");
  });

  test("a substantiated tip closed before any claim can still have its reward claimed, approved and paid", async () => {
    const { number, code } = await fileTip(f, "举报人小王");
    const w = f.chat.as("王局长");
    await w.say(`举报核查 ${number} 属实`);
    await w.say(`举报反馈 ${number} 属实，已处理`);
    await w.say(`举报办结 ${number}`);
    const [status] = await f.chat.as("举报人小王").say(`举报查询 ${code}`);
    expect(status).toContain("申领奖励 回执码");
    expect(await f.chat.as("举报人小王").say(`申领奖励 ${code}`)).toEqual([expect.stringContaining("已登记")]);
    expect((await w.say("举报列表"))[0]).toContain(`${number}`);
    expect(await w.say(`批准奖励 ${number}`)).toEqual([expect.stringContaining("3000 元")]);
    expect(await w.say(`奖励已发放 ${number}`)).toEqual([expect.stringContaining("已发放")]);
    expect((await w.say("举报列表"))[0]).not.toContain(number);
  });

  test("help and language keywords still work in the middle of a tip; other words are answers", async () => {
    const t = f.chat.as("举报人小王");
    await t.say("举报");
    await t.say("1");
    expect((await t.say("帮助"))[0]).toContain("【所有人】");
    expect(await t.say("城关化工厂")).toEqual([expect.stringContaining("看到了什么")]);
  });

  test("no tip is taken where nobody may read it", async () => {
    const g = await createFixture();
    try {
      await seedTree(g);
      expect(await g.chat.as("举报人小王").say("举报")).toEqual([expect.stringContaining("12350")]);
    } finally {
      await g.close();
    }
  });

  test("speaks the tipster's language: the one they set with /lang", async () => {
    const t = f.chat.as("tipster");
    await t.say("/lang en");
    const [intro] = await t.say("/tip");
    expect(intro).toContain("Reward tip");
  });
});

describe("a tip handler", () => {
  test("sees only tips of their units, only in private; others cannot list or open them", async () => {
    const { number } = await fileTip(f, "举报人小王");
    const other = await fileTip(f, "举报人小李", { where: "邻县应急管理局辖区的一家砖厂" });
    const [list] = await f.chat.as("王局长").say("举报列表");
    expect(list).toContain(number);
    expect(list).not.toContain(other.number);
    expect(list).not.toContain("液氨");
    expect((await f.chat.as("赵主任").say("举报列表"))[0]).toContain(other.number);
    expect(await f.chat.as("赵主任").say(`查看举报 ${number}`)).toEqual([expect.stringContaining(`没有举报 ${number}`)]);
    expect(await f.chat.as("李主任").say("举报列表")).toEqual([expect.stringContaining("您不是举报处理人")]);
    expect(await f.chat.as("李主任").say(`查看举报 ${number}`)).toEqual([expect.stringContaining("您不是举报处理人")]);
    expect(await f.chat.as("张三").say("/tips")).toEqual([expect.stringContaining("您不是举报处理人")]);
    // Even the configured super-admin is not a tip handler until granted.
    expect(await f.chat.as("admin").say("举报列表")).toEqual([expect.stringContaining("您不是举报处理人")]);
    expect(await f.chat.as("王局长").in("县局群").say("举报列表")).toEqual([expect.stringContaining("只能在与机器人的私聊中处理")]);
  });

  test("a tip goes to the regulator above the enterprise it names; one naming a unit of the other county goes there", async () => {
    await f.chat.as("admin").say("新建单位 邻县砖厂 邻县应急管理局");
    const a = await fileTip(f, "举报人甲", { where: "城关化工厂" });
    const b = await fileTip(f, "举报人乙", { where: "邻县砖厂 北门" });
    expect((await f.chat.as("王局长").say(`查看举报 ${a.number}`))[0]).toContain("受理单位：县应急管理局");
    expect((await f.chat.as("赵主任").say(`查看举报 ${b.number}`))[0]).toContain("受理单位：邻县应急管理局");
    expect(await f.chat.as("王局长").say(`查看举报 ${b.number}`)).toEqual([expect.stringContaining("没有举报")]);
  });

  test("the whole path: ask, find, tell, hazard, fine, reward with the arithmetic, pay, close — in order", async () => {
    const { number, code } = await fileTip(f, "举报人小王");
    const w = f.chat.as("王局长");
    expect(await w.say(`举报反馈 ${number} 已收到`)).toEqual([expect.stringContaining("还没有核查结论")]);
    expect(await w.say(`举报办结 ${number}`)).toEqual([expect.stringContaining("还没有核查结论")]);
    expect(await w.say(`批准奖励 ${number}`)).toEqual([expect.stringContaining("尚未核查属实")]);
    expect(await w.say(`举报转隐患 ${number} 城关化工厂 仓库危化品无报警`)).toEqual([expect.stringContaining("还没有核查属实")]);
    expect(await w.say(`举报延期 ${number}`)).toEqual([expect.stringContaining("2027-02-08")]);
    expect(await w.say(`举报延期 ${number}`)).toEqual([expect.stringContaining("已经延期过一次")]);
    expect(await w.say(`举报核查 ${number} 也许`)).toEqual([expect.stringContaining("用法：举报核查")]);
    expect(await w.say(`举报核查 ${number} 属实 现场查实`)).toEqual([expect.stringContaining("2026-11-20 前答复")]);
    expect(await w.say(`举报核查 ${number} 不属实`)).toEqual([expect.stringContaining("已有核查结论")]);
    expect(await w.say(`举报转隐患 ${number} 邻县应急管理局 仓库危化品无报警`)).toEqual([expect.stringContaining("不在举报受理单位")]);
    const [filed] = await w.say(`举报转隐患 ${number} 城关化工厂 仓库危化品未设泄漏报警`);
    const hazard = numberIn(filed!);
    const [status] = await f.chat.as("李主任").in("车间群").say(`查询 ${hazard}`);
    expect(status).toContain("仓库危化品未设泄漏报警");
    // Its unit sees the regulator's channel and nobody's name: not 举报, not the tip's number, not its handler.
    expect(status).toContain("来源：监管部门交办");
    expect(status).not.toMatch(/举报|JB-|王局长/);
    expect(await w.say(`举报罚款 ${number} 一些`)).toEqual([expect.stringContaining("用法：举报罚款")]);
    await w.say(`举报罚款 ${number} 5万元`);
    const [reward] = await w.say(`举报奖励 ${number}`);
    expect(reward).toContain("应奖励 7500 元");
    expect(reward).toContain("罚款 50000 元 × 15% = 7500 元");
    expect(await w.say(`奖励已发放 ${number}`)).toEqual([expect.stringContaining("还没有核定")]);
    expect(await w.say(`批准奖励 ${number}`)).toEqual([expect.stringContaining("已核定举报")]);
    expect(await w.say(`批准奖励 ${number}`)).toEqual([expect.stringContaining("已核定为 7500 元")]);
    expect(await w.say(`举报办结 ${number}`)).toEqual([expect.stringContaining("还没有答复举报人")]);
    await w.say(`举报反馈 ${number} 已查实，企业已被处罚`);
    expect(await w.say(`举报办结 ${number}`)).toEqual([expect.stringContaining("还未发放")]);
    expect(await w.say(`奖励已发放 ${number}`)).toEqual([expect.stringContaining("7500 元已发放")]);
    expect(await w.say(`举报办结 ${number}`)).toEqual([expect.stringContaining("已办结")]);
    expect(await w.say(`举报追问 ${number} 还有吗`)).toEqual([expect.stringContaining("已办结，不能再改动")]);
    const [mine] = await f.chat.as("举报人小王").say(`举报查询 ${code}`);
    expect(mine).toContain("奖励：已发放 7500 元");
    expect(mine).not.toContain("罚款");
    expect((await w.say("举报列表"))[0]).toContain("目前没有未办结的举报");
    expect((await w.say("举报列表 全部"))[0]).toContain(number);
  });

  test("the handler sees the photos by their platform reference", async () => {
    const t = f.chat.as("举报人小王");
    await t.say("举报");
    await t.say("1");
    await t.say("城关化工厂");
    await t.say("储罐无报警", { photos: ["tg-photo-1"] });
    await t.say("", { photos: ["tg-photo-2"] });
    await t.say("完成");
    const number = tipNumberIn(await t.say("匿名"));
    const out = await f.chat.as("王局长").send(`查看举报 ${number}`);
    expect(out.map((o) => o.file?.ref).filter(Boolean)).toEqual(["tg-photo-1", "tg-photo-2"]);
    expect(out[1]!.text).toContain("1/2");
    // A number with another year is not this tip.
    expect(await f.chat.as("王局长").say(`查看举报 JB-2025-${number.slice(-6)}`)).toEqual([expect.stringContaining("没有举报")]);
  });

  test("a fine recorded after approval asks for a new approval; after payment the facts are closed", async () => {
    const { number } = await fileTip(f, "举报人小王");
    const w = f.chat.as("王局长");
    await w.say(`举报核查 ${number} 属实`);
    expect(await w.say(`批准奖励 ${number}`)).toEqual([expect.stringContaining("3000 元")]);
    const fined = await w.say(`举报罚款 ${number} 100万`);
    expect(fined[1]).toContain("重新核定");
    expect(await w.say(`批准奖励 ${number}`)).toEqual([expect.stringContaining("150000 元")]);
    await w.say(`奖励已发放 ${number}`);
    expect(await w.say(`举报罚款 ${number} 200万`)).toEqual([expect.stringContaining("不能再改")]);
  });

  test("a later tip on the same facts earns nothing, whichever of the two was marked", async () => {
    const a = await fileTip(f, "举报人甲");
    f.clock.advanceDays(1);
    const b = await fileTip(f, "举报人乙");
    const w = f.chat.as("王局长");
    for (const t of [a, b]) await w.say(`举报核查 ${t.number} 属实`);
    await w.say(`同一举报 ${a.number} ${b.number}`);
    expect((await w.say(`举报奖励 ${b.number}`))[0]).toContain("只奖励最先举报人");
    expect((await w.say(`举报奖励 ${a.number}`))[0]).toContain("3000 元");
  });

  test("a later tip on the same facts earns nothing; the first does", async () => {
    const first = await fileTip(f, "举报人甲");
    f.clock.advanceDays(1);
    const later = await fileTip(f, "举报人乙");
    const w = f.chat.as("王局长");
    for (const t of [first, later]) await w.say(`举报核查 ${t.number} 属实`);
    expect(await w.say(`同一举报 ${later.number} ${later.number}`)).toEqual([expect.stringContaining("用法")]);
    await w.say(`同一举报 ${later.number} ${first.number}`);
    expect((await w.say(`举报奖励 ${later.number}`))[0]).toContain("只奖励最先举报人");
    expect(await w.say(`批准奖励 ${later.number}`)).toEqual([expect.stringContaining("不产生奖励")]);
    expect((await w.say(`举报奖励 ${first.number}`))[0]).toContain("按最低标准 3000 元");
  });

  test("a concealed accident: 3 deaths in a larger accident earn 120,000", async () => {
    const { number } = await fileTip(f, "举报人小王", { kind: "3", what: "上月死了三个人没有上报" });
    const w = f.chat.as("王局长");
    await w.say(`举报核查 ${number} 属实`);
    expect((await w.say(`举报奖励 ${number}`))[0]).toContain("尚未记录事故等级");
    expect(await w.say(`举报事故 ${number} 不大 3`)).toEqual([expect.stringContaining("用法")]);
    await w.say(`举报事故 ${number} 较大 3`);
    const [r] = await w.say(`举报奖励 ${number}`);
    expect(r).toContain("较大事故瞒报死亡 3 人 × 40000 元 = 120000 元");
  });

  test("two handlers acting at once: one finding wins, the other is told to re-read", async () => {
    const { number } = await fileTip(f, "举报人小王");
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    await f.chat.as("孙科长").in("县局群").say("我的身份");
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 孙科长");
    const [a, b] = await Promise.all([
      f.chat.as("王局长").say(`举报核查 ${number} 属实`),
      f.chat.as("孙科长").say(`举报核查 ${number} 不属实`),
    ]);
    const texts = [...a!, ...b!].join("\n");
    expect(texts.match(/已记录：举报/g)).toHaveLength(1);
    expect(texts).toMatch(/已有核查结论|刚被其他处理人改动/);
  });
});

describe("in English", () => {
  test("the tipster's and the handler's paths with slash commands", async () => {
    const en = await createFixture({ env: { SENTINEL_LANG: "en" } });
    try {
      await seedTips(en);
      const t = en.chat.as("tipster");
      const [intro, menu] = await t.say("/tip");
      expect(intro).toContain("Reward tip");
      expect(menu).toContain("3. a concealed or falsely reported accident");
      await t.say("3");
      await t.say("城关化工厂 east yard");
      await t.say("two workers died last month and it was hushed up");
      await t.say("skip");
      const [filed] = await t.say("anonymous");
      expect(filed).toContain("Your receipt code");
      const code = receiptCodeIn(filed!);
      const number = tipNumberIn(filed!);
      expect(await t.say("saved")).toEqual([expect.stringContaining("cannot recover it")]);
      const w = en.chat.as("王局长");
      expect((await w.say("/tips"))[0]).toContain(`${number} · a concealed or falsely reported accident · received`);
      expect((await w.say(`/tip show ${number}`))[0]).toContain("What was seen: two workers died");
      await w.say(`/tip verify ${number} yes`);
      await w.say(`/tip accident ${number} larger 2`);
      expect((await w.say(`/tip reward ${number}`))[0]).toContain("larger accident, 2 concealed death(s) × 40000 yuan = 80000 yuan");
      await w.say(`/tip approve ${number}`);
      const [status] = await t.say(`/tip status ${code}`);
      expect(status).toContain("Reward: 80000 yuan approved");
      expect(await en.chat.as("someone").in("车间群").say("/tip hello")).toEqual([expect.stringContaining("do not post tips in a group")]);
    } finally {
      await en.close();
    }
  });
});

describe("the daily digest and housekeeping", () => {
  const collect = () => {
    const sent: OutgoingMessage[] = [];
    return { sent, send: async (m: OutgoingMessage) => void sent.push(m) };
  };

  test("handlers hear of new, added-to and overdue tips once a day, after 09:00, never in quiet hours", async () => {
    const { number, code } = await fileTip(f, "举报人小王");
    const out = collect();
    f.clock.set("2026-11-10T23:30:00Z"); // 07:30 in Shanghai
    expect(await runTipDigest(f.app.deps, out.send)).toBe(0);
    f.clock.set("2026-11-11T01:05:00Z"); // 09:05
    expect(await runTipDigest(f.app.deps, out.send)).toBe(1);
    expect(out.sent[0]).toMatchObject({ chatId: "dm:王局长" });
    expect(out.sent[0]!.text).toContain(`新举报 1 件：${number}`);
    expect(out.sent[0]!.text).not.toContain("液氨");
    // Once a day, however often it ticks, and however many processes tick.
    expect(await runTipDigest(f.app.deps, out.send)).toBe(0);
    await f.chat.as("王局长").say(`查看举报 ${number}`);
    await f.chat.as("举报人小王").say(`举报补充 ${code} 东侧`);
    f.clock.set("2026-11-12T13:30:00Z"); // 21:30: quiet
    expect(await runTipDigest(f.app.deps, out.send)).toBe(0);
    f.clock.set("2026-11-13T02:00:00Z");
    await runTipDigest(f.app.deps, out.send);
    expect(out.sent.at(-1)!.text).toContain(`举报人有新补充或申领：${number}`);
    await f.chat.as("王局长").say(`查看举报 ${number}`);
    f.clock.set("2027-01-10T02:00:00Z"); // day 61
    await runTipDigest(f.app.deps, out.send);
    expect(out.sent.at(-1)!.text).toContain(`核查逾期（超过 60 日，延期后 90 日）：${number}`);
    expect((await f.chat.as("王局长").say("举报列表"))[0]).toContain("⚠核查逾期");
    await f.chat.as("王局长").say(`举报核查 ${number} 不属实`);
    f.clock.set("2027-01-21T02:00:00Z"); // finding + 11 days, no feedback yet
    await runTipDigest(f.app.deps, out.send);
    expect(out.sent.at(-1)!.text).toContain(`反馈逾期（核查结论后 10 日内未答复举报人）：${number}`);
  });

  test("a tip received after the day's digest waits for tomorrow's", async () => {
    const out = collect();
    f.clock.set("2026-11-11T01:05:00Z");
    expect(await runTipDigest(f.app.deps, out.send)).toBe(0); // nothing to say, but the day is taken
    f.clock.set("2026-11-11T07:00:00Z");
    const { number } = await fileTip(f, "举报人小王");
    f.clock.set("2026-11-11T07:10:00Z");
    expect(await runTipDigest(f.app.deps, out.send)).toBe(0);
    f.clock.set("2026-11-12T01:05:00Z");
    expect(await runTipDigest(f.app.deps, out.send)).toBe(1);
    expect(out.sent[0]!.text).toContain(number);
  });

  test("an abandoned tip dialog, and a code never confirmed saved, are deleted by the daily housekeeping", async () => {
    const t = f.chat.as("举报人小王");
    await t.say("举报");
    await t.say("1");
    await t.say("城关化工厂");
    await t.say("储罐无报警");
    await t.say("跳过");
    const filed = await t.say("匿名");
    receiptCodeIn(filed);
    f.clock.advanceDays(3);
    await runTipMaintenance(f.app.deps);
    // The code is gone for good: the chat has no dialog left to show it from.
    expect((await t.say("再看一次")).join()).not.toMatch(/\d{4}(?: \d{4}){6}/);
  });

  test("a digest claimed but not sent (a crash) is sent by the next tick; one sent is not", async () => {
    await fileTip(f, "举报人小王");
    f.clock.set("2026-11-11T01:05:00Z");
    let fail = true;
    const sent: string[] = [];
    const flaky = async (m: OutgoingMessage) => {
      if (fail) throw new Error("network down");
      sent.push(m.text);
    };
    await expect(runTipDigest(f.app.deps, flaky)).rejects.toThrow("network down");
    fail = false;
    expect(await runTipDigest(f.app.deps, flaky)).toBe(0); // claimed a moment ago: another process may be sending
    f.clock.set("2026-11-11T01:20:00Z");
    expect(await runTipDigest(f.app.deps, flaky)).toBe(1);
    expect(await runTipDigest(f.app.deps, flaky)).toBe(0);
    expect(sent).toHaveLength(1);
  });

  test("closed tips are deleted after the retention period; their counts stay", async () => {
    const { number, code } = await fileTip(f, "举报人小王");
    const w = f.chat.as("王局长");
    await closeUntrue(f, "王局长", number);
    f.clock.advanceDays(90);
    expect(await runTipMaintenance(f.app.deps)).toEqual({ purged: 0 });
    expect(await runTipMaintenance(f.app.deps)).toBeNull(); // once a day
    f.clock.advanceDays(1);
    expect(await runTipMaintenance(f.app.deps)).toEqual({ purged: 1 });
    expect(await f.chat.as("举报人小王").say(`举报查询 ${code}`)).toEqual([expect.stringContaining("没有找到")]);
    const [list] = await w.say("举报列表 全部");
    expect(list).toContain("仅保留数量的举报：不属实 1 件");
  });
});

describe("granting 举报处理人", () => {
  test("nobody grants it to themselves, however many admin roles they hold", async () => {
    const admin = f.chat.as("admin").in("县局群");
    expect(await admin.say("授权 举报处理人 admin")).toEqual([expect.stringContaining("不能给自己授予")]);
    await admin.say("授权 管理员 王局长");
    expect(await f.chat.as("王局长").in("县局群").say("授权 举报处理人 王局长 县应急管理局")).toEqual([expect.stringContaining("不能给自己授予")]);
    expect((await f.chat.as("admin").say("举报处理人 名单"))[0]).not.toContain("admin —");
  });

  test("every grant and revocation is told to the unit's other handlers and the unit above; 举报处理人 名单 lists them", async () => {
    await f.chat.as("孙科长").in("车间群").say("我的身份");
    await f.chat.as("admin").in("县局群").say("授权 管理员 王局长");
    const to = (who: string) => f.chat.inbox(`@${who}`).join("\n");
    // Never on an enterprise: a tip about it is received above it.
    expect(await f.chat.as("王局长").in("县局群").say("授权 举报处理人 孙科长 城关化工厂")).toEqual([expect.stringContaining("举报处理人只设在监管部门")]);
    await f.chat.as("admin").say("新建单位 县执法大队 县应急管理局 监管部门");
    const [reply] = await f.chat.as("王局长").in("县局群").say("授权 举报处理人 孙科长 县执法大队");
    expect(reply).toContain("已授予 孙科长");
    // The county's handler granted it himself: the unit above is the county, whose admin (the super admin) hears.
    expect(to("admin")).toContain("王局长 已授予 孙科长 “县执法大队”的举报处理人权限");
    expect(to("孙科长")).toContain("举报处理人变动");
    expect(to("王局长")).not.toContain("已授予 孙科长"); // he granted it: the reply is his
    await f.chat.as("admin").in("县局群").say("撤销授权 举报处理人 孙科长 县执法大队");
    expect(to("王局长")).toContain("admin 已撤销 孙科长");
    const [list] = await f.chat.as("王局长").say("举报处理人 名单");
    expect(list).toContain("王局长 — 县应急管理局");
    expect(list).not.toContain("孙科长");
    expect(list).not.toContain("赵主任"); // the other county's
    expect(await f.chat.as("张三").say("举报处理人 名单")).toEqual([expect.stringContaining("只有管理员和举报处理人")]);
  });
});
