# 事故隐患报告奖励：奖励规则、奖励台账、发放、光荣榜。

reward-earned = { $reporter }：您报告的隐患 { $number } 已核实，获得奖励 { $amount } 元、积分 { $points }（{ $why }）。发送“我的奖励”查看。
reward-duplicate = 隐患 { $number } 与{ $original ->
        [other] 其他单位已登记的隐患
       *[number] { $original }
    }重复，按规定重复报告不予奖励。感谢您的关注！
reward-first = 您最先报告的隐患 { $number } 又有人重复报告，您获得首报奖励 { $amount } 元（{ $why }）。
earn-step-level = { $level } { $amount } 元、{ $points } 积分
earn-step-first = 首报奖励 { $amount } 元
earn-step-cap = 本月已得 { $earned } 元，月上限 { $cap } 元，本次按 { $amount } 元计
rewardrules-show = 【{ $unit }】隐患报告奖励规则{ $own ->
    [yes] {""}
   *[no] （沿用上级或默认规则）
}：
    一般隐患 { $general } 元、{ $pointsGeneral } 积分；重大隐患 { $major } 元、{ $pointsMajor } 积分；首报奖励 { $first } 元
    每人每月上限：{ $cap ->
        [none] 不限
       *[other] { $cap } 元
    }；奖励通知：{ $notify ->
        [private] 私聊
       *[group] 群里
    }
    修改：奖励规则 设置 一般=50 重大=1000 首报=20 上限=500|无 积分一般=1 积分重大=10 通知=群|私聊
rewardrules-usage = 用法：奖励规则（查看）；奖励规则 设置 一般=50 重大=1000 首报=20 上限=500|无 积分一般=1 积分重大=10 通知=群|私聊（在本单位群里发送）
rewardrules-unknown = 不认识“{ $word }”或它的值。可设置：一般、重大、首报、上限（元或“无”）、积分一般、积分重大、通知（群/私聊）。
rewardrules-changed = 已修改“{ $unit }”的奖励规则（修改已记录）。此后核实的隐患按新规则计奖：
myrewards-none = 您还没有获得隐患报告奖励。在单位群里报告隐患，核实后即可获得奖励。
myrewards-head = 我的奖励：共 { $earned } 元（已批准 { $approved } 元，已发放 { $paid } 元），积分 { $points }
myrewards-line = · { $number } { $kind ->
    [FIRST] 首报奖励
    [CORRECTION] 更正
   *[EARN] 报告奖励
} { $amount } 元、{ $points } 积分（{ $month }，{ $state ->
    [paid] 已发放
    [approved] 已批准
   *[earned] 待批准
}）
payouts-usage = 用法：奖励发放 [2026-11]（查看）；奖励发放 [2026-11] 批准；奖励发放 [2026-11] 已发放；奖励发放 更正 编号 金额 原因
payouts-none = { $month } 没有隐患报告奖励。
payouts-head = { $month } 隐患报告奖励：共 { $earned } 元，已批准 { $approved } 元，已发放 { $paid } 元
payouts-line = · { $name }：{ $earned } 元（已批准 { $approved }，已发放 { $paid }）
payouts-hint = 批准：奖励发放 { $month } 批准；发放后：奖励发放 { $month } 已发放。台账只增不改。
payouts-approved = 已批准 { $month } 的 { $count } 笔奖励。发放后请发送“奖励发放 { $month } 已发放”。
payouts-paid = 已记录 { $month } 的 { $count } 笔奖励已发放。
honor-usage = 用法：光荣榜 [2026-11]；不想上榜显示姓名：光荣榜 隐藏（恢复：光荣榜 显示）
honor-unknown = 请先在群里或私聊中给机器人发一条消息，再设置。
honor-hidden = 好的，光荣榜上您的名字将显示为“{ "*" }”遮盖的形式。
honor-shown = 好的，光荣榜上将显示您的名字。
honor-none = “{ $unit }”{ $month } 还没有核实的隐患报告。
honor-head = 🏅【{ $unit }】{ $month } 安全之星（按核实的隐患报告）：
honor-line = { $rank }. { $name } —— 重大隐患 { $major } 项，一般隐患 { $general } 项
payouts-correct-usage = 用法：奖励发放 更正 隐患编号 金额 原因，金额可为负数，例如：奖励发放 更正 YH-2026-000012 -20 首报奖励多计
payouts-correct-none = 隐患 { $number } 没有奖励记录，无需更正。
payouts-corrected = 已记录更正：隐患 { $number }（{ $name }）{ $amount } 元，计入 { $month }，原因：{ $why }。原记录不变。
payouts-correct-own = 不能更正自己的奖励（隐患 { $number }）。请由本单位另一位监管人员办理。
payouts-correct-below-zero = 隐患 { $number } 的奖励现为 { $total } 元，更正后不能低于 0 元。
honor-in-group = 光荣榜请在本单位的群里查看：在群里发送“光荣榜”。
rewardrules-negative = “{ $word }”不能设为负数（{ $value }）：奖励金额和积分都从 0 起。要少奖，请设一个小一些的数，或设为 0。
rewardrules-too-large = “{ $word }”的值 { $value } 太大：最多 { $max }。请核对后重新设置。
