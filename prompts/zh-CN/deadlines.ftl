# 报送事项、报送情况、统计表、趋势图、报送提醒。

## 报送事项

deadline-add-usage = 用法：报送事项 截止日期 名称 [全部下级]，例如：报送事项 2026-08-15 贯彻落实情况（在本单位的群里发送；默认由直属下级单位报送，末尾写“全部下级”则所有下级单位都要报送）
deadline-past = 截止日期 { $date } 已经过了。请写今天或以后的日期，格式 2026-08-15。
deadline-no-units = “{ $unit }”下面还没有单位，没有谁需要向它报送。请先“新建单位 名称 { $unit }”。
deadline-exists = 已经有叫“{ $word }”的报送事项了。请换一个名称，或先“删除报送事项 { $word }”。
deadline-added = 已新增报送事项“{ $name }”，截止 { $due }，{ $count } 个下级单位需报送。
    提醒：{ $steps }（未报送的单位才会收到；节假日的提醒提前到工作日）。
    下级单位报送后在其群里发送“已报送 { $keyword }”，或发文件并在说明里写“{ $keyword }”。
step-T-3 = 提前三个工作日 { $date }
step-T-1 = 提前一个工作日 { $date }
step-T0 = 当天 { $date }
step-MISS = 逾期次日 { $date }
deadline-remove-usage = 用法：删除报送事项 名称
deadline-remove-unknown = 本单位没有叫“{ $word }”的临时报送事项。现有：{ $list }
deadline-removed = 已删除报送事项“{ $name }”，不再提醒。

## 报送

submitted-usage = 用法：已报送 事项 [期次]，例如：已报送 月报、已报送 年度总结 2026。事项：{ $list }
submitted-unknown = 没有叫“{ $word }”的报送事项。可报送的事项：{ $list }
submitted-no-receiver = “{ $unit }”没有上级单位，不需要报送。
submitted-bad-period = 期次“{ $period }”不对。这个事项的期次写成 { $example } 这样。
submitted-done = 已记录：“{ $unit }”{ $period } 的{ $name }已报送给“{ $receiver }”{ $late ->
    [yes] （逾期，截止日为 { $due }）
   *[no] （截止日 { $due }）
}。本期不再提醒。
submitted-already = { $period } 的{ $name }已于 { $when } 由 { $who } 报送过，无需重复。

## 报送情况

deadlines-head = 【{ $unit }】报送情况：
deadlines-no-units = “{ $unit }”下面没有需要报送的单位。
deadlines-obligation = { $name }（{ $period }，截止 { $due }）：已报 { $done }/{ $total }
deadlines-line-submitted = · ✓ { $unit } —— { $when } { $who }{ $late ->
    [yes] （逾期）
   *[no] {""}
}
deadlines-line-missing = · ✗ { $unit } —— 未报送{ $overdue ->
    [yes] （已逾期）
   *[no] {""}
}
deadlines-usage = 用法：报送情况 [期次]，期次如 2026-11（月报）或 2026（年度）。
refuse-official-nowhere = 您还不是任何单位的监管人员，不能查看或导出。需要时请单位管理员授权：授权 监管人员 您的名字
remindme-usage = 用法：私聊提醒 开 / 私聊提醒 关（开启后，报送提醒也会私聊发给您；需先在群里或私聊中给机器人发过消息）
remindme-on = 好的，以后报送提醒也会私聊发给您。
remindme-off = 好的，报送提醒只发到单位的群里。

## 录入统计数据

record-usage = 用法：录入 [2026-11] 名称=数值 …，例如：录入 学习=3 报道=5 罚款=12.5 联系人=张三 电话=13800000000（可录入的名称随本单位所在专项行动的统计表而定）；主要问题：录入 问题 <方面> 具体表现；整改措施及整改完成情况
record-unknown-key = 不认识“{ $word }”。可录入：{ $keys }
record-bad-value = “{ $word }”的数值不对：次数、人数、家数写整数，罚款写万元（可带小数）。
record-regulator-only = “{ $word }”是监管部门自己的执法数字，“{ $unit }”是企业，不填这一项，汇总时也不计企业的数。请由上级监管部门在其群里录入。
record-done = 已录入“{ $unit }”{ $month }：{ $list }。发送“导出统计表 { $month }”查看。
record-problem-usage = 用法：录入 问题 <方面> 具体表现；整改措施及整改完成情况（两项用分号隔开）。方面可写序号或名称：{ $aspects }
record-problem-aspect = 不知道“{ $word }”是哪个方面。请写序号或名称：{ $aspects }
record-problem-none = “{ $campaign }”的统计表没有“存在的主要问题”一栏，无需录入。
record-problem-done = 已录入“{ $unit }”{ $month }“{ $aspect }”的第 { $count } 条问题。再录一次是再加一条；写“录入 问题 <方面> 清空”重新填写。
record-problem-cleared = 已清空“{ $unit }”{ $month }“{ $aspect }”的问题。

## 统计表

export-usage = 用法：导出统计表 [2026-11]
export-started = 正在生成“{ $unit }”{ $month } 统计表，完成后发送。
export-done = “{ $unit }”{ $month } 统计表：
export-failed = “{ $unit }”{ $month } 统计表生成失败，请稍后重试；仍不行请联系管理员。
xlsx-filename = 统计表-{ $unit }-{ $month }
xlsx-summary-sheet = 汇总
xlsx-footer = 隐患数自 { $since } 起累计，截至 { $until }

## 趋势图

trend-title = { $unit } 隐患排查整治趋势（{ $from } 至 { $to }）
trend-axis-count = 隐患（项）
trend-axis-rate = 整改率（%）
trend-general-found = 一般隐患排查
trend-general-rectified = 一般隐患整改
trend-major-found = 重大隐患排查
trend-major-rectified = 重大隐患整改
trend-supervised = 挂牌督办（累计）
trend-rate = 累计整改率
trend-done = “{ $unit }”近 12 个月（{ $from } 至 { $to }）：排查 { $found } 项，整改 { $rectified } 项；截至 { $to } 累计整改率 { $rate }，挂牌督办（含已销号）{ $supervised } 项。
## 报送提醒（发到未报送单位的群）

reminder-T-3 = 【报送提醒】“{ $unit }”：{ $name }（{ $period }）须在 { $due } 前报送“{ $receiver }”{ $late ->
    [yes] （补发）。
   *[no] ，还有三个工作日。
}报送后请在群里发送“已报送 { $keyword }”，或发文件并在说明里写“{ $keyword }”。
reminder-T-1 = 【报送提醒】“{ $unit }”：{ $name }（{ $period }）须在 { $due } 前报送“{ $receiver }”{ $late ->
    [yes] （补发）。
   *[no] ，还剩最后一个工作日。
}报送后请在群里发送“已报送 { $keyword }”，或发文件并在说明里写“{ $keyword }”。
reminder-T0 = 【报送提醒】“{ $unit }”：{ $name }（{ $period }）今天（{ $due }）截止，请今天报送“{ $receiver }”{ $late ->
    [yes] （补发）。
   *[no] 。
}报送后请在群里发送“已报送 { $keyword }”，或发文件并在说明里写“{ $keyword }”。
reminder-MISS = 【逾期】“{ $unit }”：{ $name }（{ $period }）已于 { $due } 截止，尚未报送“{ $receiver }”{ $late ->
    [yes] （补发）。
   *[no] 。
}请尽快报送，报送后发送“已报送 { $keyword }”。
reminder-escalate = 【逾期通报】{ $name }（{ $period }，截止 { $due }）仍有 { $count } 个单位未报送：{ $units }。发送“报送情况”查看详情。

## 节假日日历缺年份（私聊每位管理员，每年一次）

calendar-unknown = 【节假日日历】机器人的节假日数据里还没有 { $year } 年的法定节假日和调休安排。补上之前，{ $year } 年的报送提醒按周一至周五算工作日：提醒可能落在春节等假期里，调休上班的周末则不提醒。
    请在国务院办公厅发布 { $year } 年放假通知后，把通知里的日期写进一个 JSON 文件：在年份“{ $year }”下，holidays 列出每个放假日，workdays 列出每个调休上班的周末，日期写成 { $year }-01-01 这样；再用设置项 { $setting } 指向这个文件并重启机器人。
    此消息只发给管理员，每人一次。
