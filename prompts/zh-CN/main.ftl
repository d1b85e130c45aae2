# 隐患哨兵 — 中文提示语。每一句机器人说的话都在这里；英文版在 prompts/en/。
# 可选值缺省时传入 "none"，用选择表达式处理。

## 通用

error-internal = 抱歉，处理这条消息时出错了，本次内容没有保存。请稍后再发一次；如果一直出错，请联系管理员。
input-bad-id = 这条消息的发送者或会话标识含有无法保存的字符（如空字符），机器人不能处理。请换用平台的正常账号或会话再发。
amount-too-large = 金额 { $amount } 太大：最多 { $max } 元。请核对后重新输入（可用“万”，例如 5万）。
unknown-command = 没有这个命令。发送“帮助”或 /help 查看可用命令。
hint-private = 您好，我是隐患哨兵。隐患请在本单位的群里报告（发送“报隐患 内容”）。发送“帮助”查看全部命令。
dialog-expired = 上次未完成的填报已超时作废。如需报告隐患，请重新发送“报隐患”。
dialog-outdated = 机器人已更新，上次未完成的填报无法继续。请重新发送“报隐患”开始。
refuse-too-long = 内容太长了：最多 { $limit } 个字。请精简后重新发送。
refuse-group-only = 这个命令只能在已绑定单位的群里使用。
refuse-unbound = 本群还没有绑定单位，暂时不能报告隐患。请管理员在本群发送“绑定 单位名称”。
refuse-role = 您没有“{ $unit }”的{ $role }权限，不能这样操作。需要时请联系本单位管理员授权。
list-separator = 、
role-worker = 从业人员
role-official = 监管人员/安全管理员
role-official-regulator = 监管人员
role-official-enterprise = 安全管理员
role-principal = 主要负责人
role-controller = 实际控制人
role-congress = 职代会联系人
role-admin = 管理员
unit-kind-REGULATOR = 监管部门
unit-kind-ENTERPRISE = 企业
unit-kind-DEPARTMENT = 部门

## 首位管理员、单位、绑定、授权

refuse-claim-in-group = 认领管理员请私聊机器人发送“认领管理员 代码”，不要在群里发送代码。
refuse-claim-none = 已经有管理员了，无需认领。需要权限请联系现有管理员。
refuse-claim-wrong = 代码不对。请核对启动时终端显示的一次性代码（不区分大小写，可带短横线）。
claim-done = 您已成为管理员。下一步：发送“新建单位 单位名称”创建单位。
usage-unit-add = 用法：新建单位 名称 [上级单位] [监管部门|企业|部门]，例如：新建单位 城关化工厂 县应急管理局 企业
refuse-unit-unknown = 找不到单位“{ $unit }”。发送“单位列表”查看已有单位。
refuse-unit-root = 只有系统管理员可以新建顶级单位。请指定上级单位：新建单位 名称 上级单位
refuse-unit-exists = 单位“{ $unit }”已经存在，请换一个名称。
unit-added = 已新建单位“{ $unit }”（{ $kind }）。在群里发送“绑定 { $unit }”把群绑定到该单位。类型不对可发送：单位类型 { $unit } 监管部门|企业|部门
unit-added-under = 已在“{ $parent }”下新建单位“{ $unit }”（{ $kind }）。在该单位的群里发送“绑定 { $unit }”。类型不对可发送：单位类型 { $unit } 监管部门|企业|部门
usage-unit-kind = 用法：单位类型 单位名称 监管部门|企业|部门，例如：单位类型 城关化工厂 企业
unit-kind-done = “{ $unit }”的类型已改为{ $kind }。
usage-unit-industry = 用法：单位行业 单位名称 行业（如 危险化学品、建筑施工、工贸；“无”清除），例如：单位行业 城关化工厂 危险化学品。下级单位没有设置的，沿用上级的行业。
unit-industry-done = “{ $unit }”的行业已设为“{ $industry }”（隐患台账的“行业”一栏）。
unit-industry-cleared = 已清除“{ $unit }”的行业。
refuse-unit-kind-parent = { $kind }不能设在{ $parent ->
        [none] 最上级
       *[other] “{ $parent }”（{ $parentKind }）之下
    }：监管部门只在监管部门之下，企业在监管部门之下或最上级，部门在企业之下。请换一个类型或上级单位。
units-none = 还没有单位。发送“新建单位 名称”创建。
units-list = 单位：
    { $list }
refuse-bind-private = 绑定要在群里进行：把机器人拉进单位的群，在群里发送“绑定 单位名称”。
usage-bind = 用法：绑定 单位名称，例如：绑定 城关化工厂
bind-done = 本群已绑定到“{ $unit }”。群成员现在可以发送“报隐患 内容”报告隐患。
bind-moved = 本群已从“{ $old }”改绑到“{ $unit }”。
unbind-done = 本群已解除与“{ $unit }”的绑定，不再受理隐患报告。
usage-grant = 用法：授权 角色 人员 [单位]。监管部门的角色：监管人员；企业的角色：主要负责人、安全管理员；都可用：从业人员、管理员、举报处理人。例如：授权 安全管理员 李四 城关化工厂（也可以回复某人的消息发送“授权 安全管理员”）
usage-revoke = 用法：撤销授权 角色 人员 [单位]，例如：撤销授权 安全管理员 李四
refuse-role-regulator-word = “{ $word }”是监管部门的角色，“{ $unit }”是{ $kind }。企业请授权“主要负责人”“实际控制人”“职代会联系人”或“安全管理员”；如果“{ $unit }”其实是监管部门，请上级单位的管理员发送：单位类型 { $unit } 监管部门
refuse-role-enterprise-word = “{ $word }”是企业的角色，“{ $unit }”是监管部门。监管部门请授权“监管人员”；如果“{ $unit }”其实是企业，请上级单位的管理员发送：单位类型 { $unit } 企业
refuse-person-unknown = 还不认识“{ $who }”。请对方先在本群或私聊中给机器人发一条消息（如“我的身份”），再授权。
refuse-person-ambiguous = 有多个人叫“{ $who }”（编号 { $ids }）。请用编号授权。
refuse-grant-unit = 请指定单位：在已绑定的群里授权，或在命令最后写上单位名称。
grant-done = 已授予 { $who } “{ $unit }”的{ $role }权限（含下属单位）。
grant-already = { $who } 已经有“{ $unit }”的{ $role }权限。
revoke-done = 已撤销 { $who } 在“{ $unit }”的{ $role }权限。
revoke-none = { $who } 没有“{ $unit }”的{ $role }权限，无需撤销。
whoami = { $name }（{ $platform }:{ $id }）
    { $roles }
whoami-role = · { $unit }：{ $role }
whoami-superadmin = · 系统管理员
whoami-member = · 本群所属单位：{ $unit }
whoami-no-roles = · 暂无角色
usage-lang = 用法：语言 中文 或 语言 英文
lang-done = 好的，以后用中文回复您。
lang-done-group = 好的，私聊时用中文回复您。群里统一使用群语言（管理员发送“群语言 中文|英文”设置）。
usage-group-lang = 用法：群语言 中文 或 群语言 英文（本单位管理员在群里发送）
group-lang-done = 好的，本群以后统一用中文回复。

## 报告隐患

report-filed = 已登记隐患 { $number }（{ $unit }），状态：待核实。{ $photos ->
        [0] {""}
       *[other] 照片 { $photos } 张。
    }
    { $role }核实后会在这里通知您。查询进度：查询 { $number }；报错了可发送：撤回 { $number }
report-suggest-major = ⚠ 描述符合重大事故隐患判定标准中的情形：{ $indicators }。建议按重大隐患核实，由安全管理员认定；24 小时内未确认将按“双报告”要求报告上级监管部门和企业职代会、主要负责人。
report-fixed-on-spot = 已登记隐患 { $number }（{ $unit }）为一般隐患，已当场整改（即查即改），直接销号。
report-indicator = { $name }（{ $standard }）
report-ask-what = 请描述您发现的隐患：看到了什么？（发送“取消”可放弃）
report-ask-where = 隐患在什么地方？（例如：二号车间东侧配电箱；不清楚请回复“跳过”）
report-ask-photo = 如有照片请现在发送；没有请回复“完成”。
report-photo-kept = 已收到照片或文件（共 { $photos } 个）。请继续用文字回答上面的问题。
refuse-report-empty = 隐患内容不能为空。请写明看到了什么，例如：报隐患 二号车间配电箱门未关，电线裸露
cancel-done = 已取消本次填报，没有登记任何内容。
cancel-nothing = 当前没有进行中的填报。

## 隐患编号与状态

refuse-number-format = “{ $input }”不是隐患编号。编号形如 YH-2026-000123（也可只写数字 123）。
refuse-number-unknown = 找不到隐患 { $number }，或您无权查看。请核对编号；查看自己报告的隐患发送“我的隐患”。
hazard-line = { $number } [{ $status }{ $level ->
        [none] {""}
       *[other] ·{ $level }
    }] { $unit }：{ $text }{ $deadline ->
        [none] {""}
       *[other]  （期限 { $deadline }）
    }
status-REPORTED = 待核实
status-CONFIRMED = 已确认
status-RECTIFYING = 整改中
status-RECTIFIED = 已整改待验收
status-CLOSED = 已销号
status-REJECTED = 不属实/已驳回
status-DUPLICATE = 重复报告
status-WITHDRAWN = 已撤回
level-GENERAL = 一般隐患
level-MAJOR = 重大事故隐患
level-none = 未定级
action-confirm = 确认
action-reject = 驳回
action-plan = 整改方案
action-rectified = 已整改
action-close = 销号
action-supervise = 挂牌督办
action-unsupervise = 摘牌
action-duplicate = 标记重复
action-withdraw = 撤回
action-fix = 即查即改
action-apply = 申请销号
action-return = 退回
refuse-transition = 隐患 { $number } 当前是“{ $status }”，不能“{ $action }”。现在可以：{ $next }。
refuse-transition-final = 隐患 { $number } 已是“{ $status }”，流程已结束，不能再“{ $action }”。
refuse-concurrent = 隐患 { $number } 刚被其他人处理过，您的操作没有执行。请发送“查询 { $number }”查看最新状态后再试。
notify-reporter = 您报告的隐患 { $number } { $action ->
        [confirm] 已被确认
        [plan] 已制定整改方案，正在整改
        [rectified] 已整改，待验收
        [close] 已验收销号，谢谢您的报告！
        [reject] 经核实不予受理
        [duplicate] 是重复报告
        [withdraw] 已撤回
        [fix] 已确认为一般隐患并当场整改销号，谢谢您的报告！
        [apply] 已申请销号，等待督办单位验收
        [return] 验收未通过，已退回整改
        [supervise] 已挂牌督办
        [unsupervise] 已摘牌
       *[other] 状态已更新
    }（{ $who }）。{ $note ->
        [none] {""}
       *[other] 说明：{ $note }
    }

## 监管人员处理

refuse-date-format = “{ $input }”不是有效日期。请写成 2026-12-31 或 2026年12月31日。
refuse-no-such-date = 没有“{ $input }”这一天（例如 2 月没有 30 日）。请核对日期后重新发送。
refuse-date-past = 期限 { $date } 已经过去（今天是 { $today }）。请填写今天或以后的日期。
usage-confirm = 用法：确认 编号 一般|重大 [整改期限]，例如：确认 YH-2026-000123 重大 2026-12-31
confirmed = 已确认隐患 { $number } 为{ $level }，整改期限 { $deadline }。下一步：整改方案 { $number } 责任人:… 措施:… 资金:… 期限:… 预案:…
confirmed-major = 已确认隐患 { $number } 为{ $level }，整改期限 { $deadline }。重大隐患须落实“五到位”：整改方案 { $number } 责任人:… 措施:… 资金:… 期限:… 预案:…；由上级监管部门决定是否挂牌督办，整改后须经其审核销号。
usage-reject = 用法：驳回 编号 原因；重复报告请用：重复 编号 原编号
usage-duplicate = 用法：重复 编号 原编号，例如：重复 YH-2026-000124 YH-2026-000123
duplicate-note = { $original ->
        [other] 与其他单位已登记的隐患重复，已并入原隐患处理。
       *[number] 与 { $original } 重复，已并入 { $original } 处理。
    }
duplicated = 隐患 { $number } 与 { $original } 重复，已标记为重复报告（不计入统计），报告人已获告知。
usage-withdraw = 用法：撤回 编号 [原因]（只能撤回自己报告、尚未确认的隐患）
refuse-withdraw-not-yours = 隐患 { $number } 不是您报告的，不能撤回。如有误报，请安全管理员驳回。
refuse-withdraw-late = 隐患 { $number } 已是“{ $status }”，不能再撤回。如有误，请联系安全管理员。
withdrawn = 隐患 { $number } 已撤回，不再计入统计和列表（记录保留）。
fixed-on-spot = 隐患 { $number } 已确认为一般隐患，当场整改完毕（即查即改），直接销号。
refuse-fix-major = 隐患 { $number } 是（或判定标准提示为）重大事故隐患，不能即查即改直接销号：请确认为重大隐患并落实“五到位”整改方案。
refuse-tip-hazard-reject = 隐患 { $number } 由监管部门{ $regulator ->
        [none] {""}
       *[other] （{ $regulator }）
    }交办，只有该监管部门可以认定不属实或重复。如有异议，请向该监管部门说明。
refuse-duplicate-self = 一条隐患不能是它自己的重复，请写原来那条的编号。
rejected = 已驳回隐患 { $number }：{ $reason }
usage-plan = 用法：整改方案 编号 责任人:张三 措施:加装防护栏 资金:2万元 期限:2026-12-31 预案:设置警戒区
refuse-plan-missing = 整改方案要做到“五到位”，还缺：{ $missing }。格式：整改方案 编号 责任人:… 措施:… 资金:… 期限:… 预案:…
refuse-plan-empty-part = “五到位”的{ $part }不能是“{ $value }”：请写明具体的{ $part }。
refuse-plan-past-supervised = 隐患 { $number } 由{ $authority }挂牌督办，督办期限 { $supervised }，整改期限 { $deadline } 不能晚于它。需要延期请联系督办单位调整（挂牌督办 { $number } 新期限）。
plan-responsible = 责任人
plan-measures = 措施
plan-funds = 资金
plan-deadline = 期限
plan-contingency = 预案
plan-recorded = 隐患 { $number } 整改方案已登记，进入整改：
    责任人：{ $responsible }；措施：{ $measures }；资金：{ $funds }；期限：{ $deadline }；预案：{ $contingency }
    整改完成后发送：已整改 { $number }
plan-revised = 隐患 { $number } 整改方案已修改（原方案保留在记录中）：
    责任人：{ $responsible }；措施：{ $measures }；资金：{ $funds }；期限：{ $deadline }；预案：{ $contingency }
usage-rectified = 用法：已整改 编号 [说明]
rectified = 隐患 { $number } 已整改，待验收。验收合格后发送：销号 { $number }
usage-apply-close = 用法：申请销号 编号 [整改情况说明]
refuse-apply-again = 隐患 { $number } 已申请销号，正等待{ $authority }验收。
close-applied = 已为隐患 { $number } 申请销号，等待{ $authority }审核验收。
notice-close-applied = 【申请销号】{ $unit } 的重大事故隐患 { $number } 已整改，{ $who } 申请验收销号。{ $note ->
        [none] {""}
       *[other] 说明：{ $note }。
    }请{ $authority }核查后发送“验收销号 { $number } [验收意见]”或“退回 { $number } 原因”。
refuse-close-not-applied = 隐患 { $number } 是重大事故隐患，企业还没有申请销号：须先由企业发送“申请销号 { $number }”，再由{ $regulator }验收销号。
notice-closed = 【验收销号】{ $unit } 的重大事故隐患 { $number } 已由{ $reviewer }（{ $who }）验收销号。{ $note ->
        [none] {""}
       *[other] 验收意见：{ $note }
    }
usage-return = 用法：退回 编号 原因，例如：退回 YH-2026-000123 防护栏高度不够
returned = 已退回隐患 { $number }，重新进入整改。
notice-returned = 【退回整改】{ $unit } 的重大事故隐患 { $number } 验收未通过（{ $who }）：{ $note }。请整改后重新申请销号。
refuse-regulator-only = 隐患 { $number } 的“{ $action }”只能由上级监管部门{ $regulator ->
        [none] {""}
       *[other] （{ $regulator }）
    }的监管人员办理，企业不能自行办理。如需办理，请联系该监管部门。
usage-close = 用法：销号 编号 [验收意见]（重大事故隐患：企业“申请销号”，监管部门“验收销号”）
closed = 隐患 { $number } 已验收销号。
usage-supervise = 用法：挂牌督办 编号 [督办单位] 期限，例如：挂牌督办 YH-2026-000123 2026-12-31（由上级监管部门的监管人员发送；再次发送可调整督办期限）
refuse-supervise-general = 隐患 { $number } 不是重大事故隐患，不能挂牌督办。如需挂牌，请先将其确认为重大隐患。
supervised = 隐患 { $number } 已由{ $authority }挂牌督办，期限 { $deadline }。企业整改后“申请销号”，由督办单位验收销号。
supervise-moved = 隐患 { $number } 的督办期限已调整为 { $deadline }（{ $authority }）。
notice-supervised = 【挂牌督办】{ $unit } 的重大事故隐患 { $number }（{ $text }）已由{ $authority }挂牌督办，督办期限 { $deadline }。整改完成后请发送“申请销号 { $number }”。{ $voided ->
        [yes] 此前的销号申请随之作废，请向督办单位重新申请。
       *[no] {""}
    }
notice-supervise-moved = 【督办期限调整】{ $unit } 的挂牌督办隐患 { $number } 督办期限调整为 { $deadline }（{ $authority }）。
notice-unsupervised = 【摘牌】{ $unit } 的隐患 { $number } 已由 { $who } 摘牌。{ $note ->
        [none] {""}
       *[other] 说明：{ $note }。
    }{ $voided ->
        [yes] 此前的销号申请随之作废；重大事故隐患仍须经上级监管部门审核销号，请重新发送“申请销号 { $number }”。
       *[no] {""}
    }
usage-unsupervise = 用法：摘牌 编号 [说明]
refuse-not-supervised = 隐患 { $number } 没有挂牌督办，无需摘牌。
unsupervised = 隐患 { $number } 已摘牌。

## 查询与统计

scope-all = 全部单位
list-more = …只显示前 { $limit } 条。
usage-status = 用法：查询 编号，例如：查询 YH-2026-000123
history-line = { $date } { $kind }（{ $who }）{ $note ->
        [none] {""}
       *[other] ：{ $note }
    }
event-REPORTED = 报告
event-PHOTOS = 补充照片
event-CONFIRM = 确认
event-REJECT = 驳回
event-PLAN = 整改方案
event-RECTIFIED = 已整改
event-CLOSE = 销号
event-SUPERVISE = 挂牌督办
event-UNSUPERVISE = 摘牌
event-DUPLICATE = 重复报告
event-WITHDRAW = 撤回
event-FIX = 即查即改销号
event-APPLY = 申请销号
event-RETURN = 退回整改
event-DUAL_REPORT = 双报告
actor-system = 系统
actor-tip-desk = 举报转交
# 来源渠道 (channels): the ledger's column and 查询's line.
source-REPORT = 随手拍
source-SELF = 自查
source-INSPECTION = 检查
source-TIP = 举报
status-head = 隐患 { $number }（{ $unit }）
status-state = 状态：{ $status }；等级：{ $level }
status-suggested = 系统提示：描述符合重大事故隐患情形，待{ $role }认定。
status-text = 内容：{ $text }
status-location = 地点：{ $location }
status-photos = 报告照片：{ $photos } 张
history-photos = （照片 { $photos } 张）
status-deadline = 整改期限：{ $deadline }
status-overdue = 已逾期（今天 { $today }）
status-responsible = 责任人：{ $responsible }
status-supervised = 挂牌督办：{ $authority }，期限 { $deadline }
status-close-applied = 已申请销号，待{ $authority }验收
status-dual-reported = 已双报告（{ $date }）{ $record ->
        [none] {""}
       *[other] ：{ $record }
    }
status-source = 来源：{ $source }
status-fixed-on-spot = 即查即改：当场整改销号
status-duplicate-of = 与 { $original } 重复
status-history = 记录：
mine-header = 您报告的隐患（最近 { $count } 条）：
mine-none = 您还没有报告过隐患。在单位群里发送“报隐患 内容”即可报告。
overdue-header = { $unit } 逾期未整改的隐患（截至 { $today }，{ $count } 条）：
overdue-none = { $unit } 没有逾期未整改的隐患（截至 { $today }）。
usage-list = 用法：隐患列表 [状态或等级]，状态：待核实、已确认、整改中、已整改、已销号、不属实、重复、已撤回；等级：一般、重大
list-all = 全部
list-header = { $unit } 的隐患（{ $filter }，{ $count } 条）：
list-none = { $unit } 没有符合条件（{ $filter }）的隐患。
refuse-month-format = “{ $input }”不是月份。请写成 2026-11 或 2026年11月。
stats = { $unit } 隐患统计
    【{ $month } 当月】
    { $month_text }
    【累计{ $since ->
        [none] {""}
       *[other] （自 { $since } 起）
    }，截至 { $month } 月底】
    { $total_text }
stats-block = 一般隐患：排查 { $gFound }，整改 { $gRectified }，整改率 { $gRate }
    重大隐患：排查 { $mFound }，整改 { $mRectified }，整改率 { $mRate }
    合计：排查 { $tFound }，整改 { $tRectified }，整改率 { $tRate }
    挂牌督办（含已销号）{ $supervised }；待核实 { $pending }；逾期 { $overdue }

## 帮助

start = 您好，我是隐患哨兵：在群里随手报告安全隐患，跟踪整改直到销号。
start-unbound = 您好，我是隐患哨兵。本群还没有绑定单位：请管理员发送“绑定 单位名称”。
help-worker = 【所有人】
    报隐患 内容 [地点:…] —— 报告隐患（也可用“隐患”“随手拍”，或只发“报隐患”按提示填写）
    查询 编号 —— 查看隐患进度 · 撤回 编号 —— 撤回自己尚未确认的报告
    照片 编号 —— 发回隐患的照片（整改前、整改后）· 配文“照片 编号”发照片，或“照片 编号 补充”后再发 —— 补充照片
    我的隐患 —— 我报告过的隐患
    统计 [2026-11] —— 本单位隐患统计
    我的身份 · 语言 中文|英文 · 取消 · 帮助
    网页 —— 网页台账的一次性登录链接（私聊；在电脑或手机浏览器中查看隐患、照片、统计，下载台账）
    举报 —— 有奖举报（私聊我，可匿名，凭回执码查询：举报查询 回执码）
    我的奖励 · 光荣榜 [月份] · 光荣榜 隐藏|显示
    日周月排查：检查清单 · 排查计划 · 回答排查：1好 2好 3异常 情况 4不适用 / 全部正常 / 排查（逐项回答）
help-official = 【安全管理员 · 监管人员】
    确认 编号 一般|重大 [期限] · 确认 编号 一般 已当场整改 · 驳回 编号 原因 · 重复 编号 原编号
    整改方案 编号 责任人:… 措施:… 资金:… 期限:… 预案:…
    已整改 编号（附整改后照片；重大隐患必须附）· 销号 编号 · 申请销号 编号（挂牌督办的隐患）
    整改照片 必须|不必 —— 本单位重大隐患标记已整改时是否必须附照片（默认必须）
    上级监管部门：挂牌督办 编号 [督办单位] 期限 · 摘牌 编号 · 验收销号 编号 · 退回 编号 原因
    逾期 · 隐患列表 [状态|等级] · 统计 [月份]
    报送：已报送 月报|年度总结|事项 [期次] · 报送情况 [期次] · 报送事项 日期 名称 · 删除报送事项 名称 · 私聊提醒 开|关
    统计表：录入 [月份] 学习=3 联系人=…（罚款等执法数据只由监管部门录入）· 录入 问题 <方面> 具体表现；整改措施及完成情况 · 导出统计表 [月份] · 趋势
    台账：导出台账 [重大|全部] [2026-10|10月|2026|2026-01-01~2026-06-30]（按发现日期；不写期间为全部）
    报告奖励：奖励规则 [设置 一般=50 重大=1000 …] · 奖励发放 [月份] [批准|已发放]
    日周月排查：检查清单 模板|采用 模板|添加 [频次] 内容 [依据:…]|删除 序号|责任人 序号 姓名|导出 [期间] · 排查计划 每日|每周|每月|每季度|带队 08:30|关闭 · 带队签字（主要负责人、实际控制人）· 检查情况 [期间]
help-admin = 【管理员】
    新建单位 名称 [上级单位] [监管部门|企业|部门] · 单位类型 单位 类型 · 单位行业 单位 行业 · 单位列表 · 绑定 单位 · 解绑 · 群语言 中文|英文
    授权 角色 人员 [单位] · 撤销授权 角色 人员 [单位]（监管部门：监管人员；企业：主要负责人、安全管理员；另有从业人员、管理员、举报处理人）
    备份（系统管理员，私聊）
help-tip-handler = 【举报处理人】（私聊）
    举报列表 [全部] · 查看举报 编号 · 举报追问 编号 问题 · 举报核查 编号 属实|不属实 [说明] · 举报延期 编号
    举报反馈 编号 内容 · 举报转隐患 编号 单位 描述 · 举报罚款 编号 金额 · 举报事故 编号 等级 人数 · 同一举报 编号 编号
    举报奖励 编号 · 批准奖励 编号 · 奖励已发放 编号 · 举报办结 编号

## 双报告与期限催办

dual-report = 【重大事故隐患报告{ $role ->
        [principal] ·致主要负责人
        [controller] ·致实际控制人
        [congress] ·致职代会
       *[regulator] {""}
    }】{ $enterprise } 的隐患 { $number }（{ $unit }）{ $confirmed ->
        [yes] 已确认为重大事故隐患
       *[other] 经判定标准提示为重大事故隐患，24 小时内尚未确认
    }：{ $text }
    整改期限：{ $deadline ->
        [none] 未定
       *[other] { $deadline }
    }；“五到位”方案：{ $plan ->
        [yes] 已制定
       *[other] 尚未制定
    }。查询进度：查询 { $number }
chase-T-3 = 【整改提醒】隐患 { $number }（{ $unit }）{ $kind ->
        [sup] 督办期限
       *[other] 整改期限
    } { $deadline }，还有 3 个工作日：{ $text }。{ $responsible ->
        [none] {""}
       *[other] 责任人：{ $responsible }。
    }整改完成后发送：已整改 { $number }
chase-T0 = 【今日到期】隐患 { $number }（{ $unit }）{ $kind ->
        [sup] 督办期限
       *[other] 整改期限
    }是今天（{ $deadline }）：{ $text }。{ $responsible ->
        [none] {""}
       *[other] 责任人：{ $responsible }。
    }整改完成后发送：已整改 { $number }
chase-late = 【逾期催办】{ $unit } 的隐患 { $number }{ $kind ->
        [sup] 督办期限
       *[other] 整改期限
    } { $deadline } 已逾期 { $days } 天，仍未整改：{ $text }。请督促整改（查询 { $number }）。
file-not-sent = （文件“{ $filename }”没有发出：本平台或服务器不接受这个文件。请稍后再试，或在控制台、另一平台上导出。）
limit-reports = 您这一小时内已报告 { $limit } 条隐患，达到上限，这条没有登记。请下一个小时再报；情况紧急请直接联系本单位安全管理人员。
limit-tips = 今天从这个对话提交的举报已达 { $limit } 件上限，这一件没有提交。请明天再提交；情况紧急请拨打 12350 举报电话。

## 文件与照片（证据）

file-too-large = 文件“{ $name }”超过 { $max } MB，机器人保存不了，这条消息没有处理。请压缩或裁剪后重新发送。
file-type-refused = 文件“{ $name }”不是可以保存的类型，这条消息没有处理。可以发送照片（JPG、PNG、HEIC、WebP、GIF）或文档（PDF、Word、Excel、WPS、OFD）。
file-fetch-failed = 没能从平台下载文件“{ $name }”，这条消息没有处理。请稍后重新发送。
rectified-send-photo = 隐患 { $number } 是重大隐患，标记已整改须附整改后的照片：请现在发送照片（可多张），收到照片即记为已整改。放弃请发送“取消”。（本单位如确定不要求照片，由安全管理员在群里发送“整改照片 不必”。）
rectified-photo-wait = 正在等待隐患 { $number } 整改后的照片：请发送照片；放弃请发送“取消”。
rectified-photos = 已保存整改后照片 { $photos } 张。
rectified-ask-photo = 请发送整改后的照片（可多张）作为整改证据；不发也可以。
photos-added = 已为隐患 { $number } 保存{ $stage ->
        [after] 整改后
       *[before] 整改前
    }照片 { $photos } 张。
photos-send = 请发送隐患 { $number } 的照片（可多张）。
usage-photos = 用法：照片 编号 —— 发回照片；补充照片：发照片并配文“照片 编号”，或先发“照片 编号 补充”再发照片。
refuse-photos-final = 隐患 { $number } 已{ $status }，不能再补充照片。
photos-none = 隐患 { $number } 还没有照片。补充照片：发照片并配文“照片 { $number }”。
photo-caption = { $number } { $step }照片 { $n }/{ $of }
photo-not-kept = （这张照片机器人只存有平台的引用，没有保存文件，无法再发送。）
photos-more = 已发送前 { $shown } 张，共 { $total } 张；全部照片可以在网页台账查看（私聊发送“网页”）。
refuse-photo-rule-group = “整改照片”要在单位绑定的群里发送：它设置这个群所属单位的规则。
usage-photo-rule = { $unit }现在{ $rule ->
        [optional] 不要求
       *[required] 要求
    }重大隐患标记已整改时附整改后照片。修改：整改照片 必须 或 整改照片 不必
photo-rule-set = 已设置：{ $unit }{ $rule ->
        [optional] 不要求
       *[required] 要求
    }重大隐患标记已整改时附整改后照片。
rectified-review = 隐患 { $number } 已整改。重大事故隐患须经{ $authority }审核把关销号：请发送“申请销号 { $number } [整改情况]”，由{ $authority }验收。
refuse-apply-general = 隐患 { $number } 是一般隐患，不用申请：整改完成后由本单位验收，发送“销号 { $number } [验收意见]”。
refuse-apply-not-enterprise = 隐患 { $number } 的销号申请由“{ $unit }”的安全管理员或主要负责人提出；监管部门审核申请，不代企业申请。
refuse-review-no-regulator = 隐患 { $number } 是重大事故隐患，须经监管部门审核把关销号，但“{ $unit }”不在任何监管部门之下，无人可以验收。请管理员在所属监管部门之下建立本单位后再申请。
refuse-close-review = 隐患 { $number } 是重大事故隐患，须经{ $regulator }审核把关销号，本单位不能自行销号。整改完成后请发送“申请销号 { $number }”，由{ $regulator }的监管人员验收。
refuse-return-general = 隐患 { $number } 是一般隐患，由本单位验收，不需要退回；本单位可以继续整改。
closed-reviewed = 隐患 { $number } 已验收销号（{ $reviewer }审核把关）。
status-closed-by = 验收销号：{ $unit }（{ $who }，{ $date }）{ $opinion ->
        [none] {""}
       *[other] ；验收意见：{ $opinion }
    }
authority-regulator-above = 上级监管部门
dual-report-record = 双报告：{ $told ->
        [none] 未能报告任何一方
       *[other] 已报告 { $told }
    }{ $missing ->
        [none] 。
       *[other] ；未能报告：{ $missing }。
    }
dual-told-separator = ；
dual-told-regulator = 上级监管部门 { $name }（{ $chats } 处）
dual-told-principal = 主要负责人 { $names }
dual-told-controller = 实际控制人 { $names }
dual-told-congress = 职代会联系人 { $names }
dual-missing-regulator = { $regulator ->
        [none] 上级监管部门（本单位不在任何监管部门之下）
       *[other] 上级监管部门 { $regulator }（未绑定群，也无人开通私聊提醒）
    }
dual-missing-principal = 主要负责人（未设置）
dual-missing-controller = 实际控制人（未设置）
dual-missing-congress = 职代会联系人（未设置）
dual-report-missing = 【双报告未送达】{ $enterprise } 的重大事故隐患 { $number } 未能报告：{ $missing }。请该企业管理员设置（例如“授权 职代会联系人 姓名 { $enterprise }”），以后的重大事故隐患会按“双报告”要求送达。查看各企业的双报告对象：双报告对象
report-filed-official = 已登记隐患 { $number }（{ $unit }），状态：待核实。{ $photos ->
        [0] {""}
       *[other] 照片 { $photos } 张。
    }
    您可以直接认定：确认 { $number } 一般|重大 [整改期限]；查询进度：查询 { $number }
report-filed-fixed = 已登记隐患 { $number }（{ $unit }），您说明已当场整改。{ $photos ->
        [0] {""}
       *[other] 照片 { $photos } 张。
    }
    { $role }核实后发送“确认 { $number }”即按一般隐患即查即改销号；查询进度：查询 { $number }
fixed-on-spot-hint = 判定标准曾提示：{ $indicators }。已按您的判断作为一般隐患即查即改，提示保留在记录中。
confirmed-default-deadline = 未写整改期限：按本单位{ $level }整改时限 { $days } 天，定为 { $deadline }（可用“整改方案”另定期限；整改时限可用“整改时限”查看和设置）。
refuse-confirm-deadline = 请写明隐患 { $number } 的整改期限：本单位没有设定{ $level }的整改时限，每条隐患都要有期限。例如：确认 { $number } 重大 2026-12-31；或先设置默认时限：整改时限 重大 30
usage-deadline-days = 用法：整改时限 一般|重大 天数，例如：整改时限 一般 15（确认隐患时未写期限，按此天数定期限；“整改时限 重大 无”表示须逐条写明）
deadline-days-shown = “{ $unit }”确认隐患未写期限时的整改时限：一般隐患 { $general ->
        [0] 须逐条写明
       *[other] { $general } 天
    }；重大事故隐患 { $major ->
        [0] 须逐条写明
       *[other] { $major } 天
    }。修改：整改时限 一般|重大 天数
deadline-days-set = 好的：“{ $unit }”的{ $level }确认时未写期限，{ $days ->
        [0] 须逐条写明期限
       *[other] 整改期限定为确认后 { $days } 天（遇节假日顺延）
    }。下级单位没有自己的设置时沿用。
refuse-deadline-days = “{ $input }”不是天数：请写 1 到 { $max } 之间的天数，或“无”（须逐条写明）。
dual-parties-head = { $unit } 的企业 { $count } 家的“双报告”对象（缺少对象的 { $lacking } 家排在前面）：
dual-parties-line = · { $unit }：{ $parties }
dual-parties-party = { $role } { $names ->
        [none] 未设置
       *[other] { $names }
    }
dual-parties-none = { $unit } 下没有企业。
event-ASSIGN = 监管部门交办
source-ASSIGNED = 监管部门交办
notice-hazard-assigned = 【监管部门交办】{ $regulator }交办“{ $unit }”隐患 { $number }（{ $level ->
        [MAJOR] 重大事故隐患
       *[other] 一般隐患
    }，整改期限 { $deadline }）：{ $text }
    请落实整改：整改方案 { $number } 责任人:… 措施:… 资金:… 期限:… 预案:…；查询进度：查询 { $number }
refuse-role-department = { $role }设在企业本身，不设在部门“{ $unit }”。请在企业上授权：授权 角色 姓名 企业名称
refuse-tip-handler-regulator = 举报处理人只设在监管部门，“{ $unit }”是{ $kind }：举报由被举报单位之上的监管部门受理，不能由企业自己处理。请在监管部门上授权。
refuse-unit-kind-own = “{ $unit }”的类型只能由{ $parent ->
        [none] 超级管理员
       *[other] 上级单位“{ $parent }”的管理员（或超级管理员）
    }修改，本单位人员不能自行修改：单位类型决定谁监管谁。
refuse-unit-kind-same = “{ $unit }”已经是{ $kind }。
notice-unit-kind = 【单位类型变更】“{ $unit }”的类型已由 { $who } 从{ $from }改为{ $kind }。
chase-confirm = 【待核实提醒】隐患 { $number }（{ $unit }）{ $deadline } 报告，已 { $days } 天无人核实：{ $text }。请安全管理员核实：确认 { $number } 一般|重大 [整改期限]，或 驳回 { $number } 原因
chase-confirm-late = 【待核实超时】“{ $unit }”的隐患 { $number }（{ $deadline } 报告）已 { $days } 天未核实：{ $text }。请督促该单位核实处理。
dialog-unreadable = 收到{ $kind ->
        [voice] 一条语音
        [video] 一段视频
        [sticker] 一个表情
        [location] 一个位置
       *[other] 一条消息
    }，但机器人读不了它的内容，刚才的问题还在等您：请用文字（或照片）回答；不想继续请发送“取消”。
private-unreadable = 收到{ $kind ->
        [voice] 一条语音
        [video] 一段视频
        [sticker] 一个表情
        [location] 一个位置
       *[other] 一条消息
    }，但机器人读不了它的内容。请用文字发送；隐患请在本单位的群里报告（“报隐患 内容”），举报请发送“举报”。发送“帮助”查看全部命令。
report-place-kept-what = 已记下地点：{ $place }。请再用文字描述隐患：看到了什么？
rectified-photo-wait-file = 收到的是文件，不是照片，也不是报送材料：隐患 { $number } 的“已整改”还在等整改后的照片。请发送照片，或发送“取消”。
