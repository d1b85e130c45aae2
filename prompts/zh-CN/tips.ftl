# 有奖举报：举报人和举报处理人看到的每一句话。

## 举报人（只在私聊中）

tip-in-group = 举报请不要发在群里。请私聊我（点我的头像 → 发消息），发送“举报”开始；可以匿名，只凭回执码查询。本群这条消息我没有保存；如果它还在，请删除。
tip-in-group-recall = 举报请不要发在群里，请在两分钟内撤回（长按消息 → 撤回）刚才这条。请加我为好友后私聊发送“举报”；可以匿名，只凭回执码查询。本群这条消息我没有保存。
tip-private-button = 私聊我举报（可匿名）
tip-not-ready = 本机器人还没有设置受理单位，暂时不能受理举报。您可以拨打 12350 安全生产举报投诉电话。
tip-intro = 有奖举报（可匿名）。我不会记录您的账号、昵称或聊天；举报内容加密保存。随时发送“取消”放弃。
tip-ask-kind = 请选择举报类别（回复数字）：
tip-kind-MAJOR_HAZARD = 重大事故隐患
tip-kind-ILLEGAL_OPERATION = 非法违法生产经营建设行为
tip-kind-CONCEALED_ACCIDENT = 瞒报、谎报生产安全事故
tip-kind-OTHER = 其他安全生产问题
tip-kind-unknown = 没看懂类别。请回复数字：
    { $menu }
tip-ask-where = 是哪家企业（单位）？在什么地方？
tip-ask-what = 您看到了什么？大约什么时候？请尽量具体（可附照片）。
tip-ask-photo = { $photos ->
    [0] 有照片的话现在发给我；没有请回复“跳过”。
   *[other] 已收到 { $photos } 张照片。还有的话继续发；没有了请回复“完成”。
}
tip-photo-kept = 已收到照片或文件（共 { $photos } 个）。还有的话继续发；没有了请回复“完成”。
tip-ask-identity = 最后一步：回复“匿名”（默认），或“实名 姓名 电话”。现金奖励按规定须由本人凭身份证领取；匿名举报也可以凭回执码申领。
tip-identity-usage = 请回复“匿名”，或“实名 姓名 电话”，例如：实名 张三 13800000000
tip-filed = 举报已受理，编号 { $number }。
    您的回执码（只显示在这里，机器人不保存原文）：
    { $code }
    请抄下或截图保存。凭回执码可查询进度、回答提问、申领奖励：举报查询 回执码。
    保存好后请回复“已保存”，回执码就会从本对话中删除。
tip-filed-named = 实名举报已受理，编号 { $number }。您的姓名和电话已加密保存，只有受理单位的举报处理人能看到。
    您的回执码（只显示在这里）：
    { $code }
    请抄下或截图保存。凭回执码可查询进度、回答提问、申领奖励：举报查询 回执码。
    保存好后请回复“已保存”。
tip-code-again = 您的回执码（举报 { $number }）：
    { $code }
    保存好后请回复“已保存”，之后机器人无法再显示它。
tip-code-gone = 好的，回执码已从本对话中删除，机器人也无法再找回它。请妥善保管。发送“举报查询 回执码”查看举报 { $number } 的进度。
tip-dialog-expired = 上次未完成的举报已超时作废（未保存的回执码也一并删除）。如需举报，请重新发送“举报”。
tip-cancelled = 已取消，本次举报没有保存任何内容。
tip-code-typo = 回执码有误：应为 28 位数字，可以带空格或短横线。请核对后重新发送（这次不计入错误次数）。
tip-code-unknown = 没有找到这个回执码对应的举报。请核对后重发；办结满保存期限的举报内容已删除，也会查不到。连续输错多次会被暂停一小时。
tip-code-throttled = 回执码输错次数过多，请一小时后再试。
tip-status-usage = 用法：举报查询 回执码，例如：举报查询 1234 5678 9012 3456 7890 1234 5678
tip-reply-usage = 用法：举报补充 回执码 内容（可附照片），例如：举报补充 1234 … 5678 夜里十点后开工
tip-claim-usage = 用法：申领奖励 回执码
tip-named-usage = 用法：转为实名 回执码 姓名 电话
tip-anon-usage = 用法：转为匿名 回执码
tip-notify-usage = 用法：举报通知 回执码 开 / 举报通知 回执码 关
tip-closed = 举报 { $number } 已办结，不能再补充或修改（核查属实的仍可申领奖励）。如有新情况，请发送“举报”重新举报。
tip-reply-saved = 已加密保存您的补充，举报处理人会看到（举报 { $number }）。
tip-claim-not-yet = 举报 { $number } 还在核查中，核查属实后才能申领奖励。
tip-claim-unsubstantiated = 举报 { $number } 经核查不属实，不能申领奖励。
tip-claim-paid = 举报 { $number } 的奖励已经发放，无需再申领。
tip-claim-anonymous = 已登记举报 { $number } 的奖励申领。{ $amount ->
    [none] 奖励金额核定后，凭回执码查询。
   *[other] 核定奖励 { $amount } 元。
}
    领取方式：请本人携带身份证、银行卡和本回执码，到“{ $unit }”办理。按规定现金奖励须由本人领取；领取时需核验身份，核验信息不进入本机器人。
tip-claim-named = 已登记举报 { $number } 的奖励申领。{ $amount ->
    [none] 奖励金额核定后，凭回执码查询。
   *[other] 核定奖励 { $amount } 元。
}
    领取方式：请本人携带身份证、银行卡和本回执码，到“{ $unit }”办理。
tip-named-done = 举报 { $number } 已转为实名，姓名和电话已加密保存。随时可发送“转为匿名 回执码”删除。
tip-anon-done = 举报 { $number } 已转为匿名，您的姓名和电话已删除。
tip-notify-on = 已为举报 { $number } 开启通知：有新消息时我会在这里提醒您（只说“有新消息”，不含内容）。
    请注意：为此需要加密保存本聊天的地址，掌握服务器密钥的人可能据此找到您。举报办结时自动删除；随时可发送“举报通知 回执码 关”。
tip-notify-off = 已关闭举报 { $number } 的通知，本聊天的地址已删除。
tip-notice = 您的举报 { $number } 有新消息。请发送“举报查询 回执码”查看。

## 举报人查看进度

tip-status-head = 举报 { $number }（{ $kind }）
    状态：{ $status }{ $finding ->
        [yes] （核查属实）
        [no] （核查不属实）
       *[none] {""}
    }，受理日期 { $received }
    身份：{ $named ->
        [yes] 实名
       *[no] 匿名
    }；通知：{ $notices ->
        [yes] 开
       *[no] 关
    }
tip-status-NEW = 已受理
tip-status-INVESTIGATING = 核查中
tip-status-SUBSTANTIATED = 核查属实
tip-status-UNSUBSTANTIATED = 核查不属实
tip-status-CLOSED = 已办结
tip-reward-NONE = 奖励：未申领
tip-reward-CLAIMED = 奖励：已申领，待核定
tip-reward-APPROVED = 奖励：已核定 { $amount } 元，待领取
tip-reward-PAID = 奖励：已发放 { $amount } 元
tip-thread = 往来记录：
tip-actor-tipster = 举报人
tip-actor-you = 您
tip-actor-handler = 受理单位
tip-event-RECEIVED = · { $on } 举报已受理
tip-event-OPENED = · { $on } { $who } 开始核查
tip-event-QUESTION = · { $on } { $who } 提问：{ $text }
tip-event-FEEDBACK = · { $on } { $who } 答复：{ $text }
tip-event-REPLY = · { $on } { $who } 补充：{ $text }{ $photos ->
    [0] {""}
   *[other] （照片 { $photos } 张）
}
tip-event-FINDING = · { $on } { $who } 核查结论：{ $detail ->
    [SUBSTANTIATED] 属实
   *[other] 不属实
}{ $note ->
    [none] {""}
   *[other] （{ $note }）
}
tip-event-EXTENDED = · { $on } { $who } 延长核查期限 30 日
tip-event-HAZARD = · { $on } { $who } 登记为隐患 { $detail }
tip-event-FINE = · { $on } { $who } 记录罚款 { $amount } 元
tip-event-ACCIDENT = · { $on } { $who } 记录事故：{ $detail ->
    [GENERAL] 一般事故
    [LARGER] 较大事故
    [MAJOR] 重大事故
   *[other] 特别重大事故
}，瞒报死亡 { $amount } 人
tip-event-SAME_AS = · { $on } { $who } 认定与 { $detail } 为同一事实
tip-event-CLAIMED = · { $on } { $who } 申领奖励
tip-event-REWARD_APPROVED = · { $on } { $who } 核定奖励 { $amount } 元
tip-event-PAID = · { $on } { $who } 奖励已发放 { $amount } 元
tip-event-NAMED = · { $on } { $who } 转为实名
tip-event-ANONYMOUS = · { $on } { $who } 转为匿名
tip-event-CLOSED = · { $on } { $who } 办结
tip-status-answer-hint = 受理单位向您提了问题。回答请发送：举报补充 回执码 内容
tip-status-claim-hint = 举报已核查属实。申领奖励请发送：申领奖励 回执码

## 举报处理人（只在私聊中）

role-tip_handler = 举报处理人
tip-handler-private-only = 举报内容保密，只能在与机器人的私聊中处理。请私聊我发送这个命令。
tip-handler-none = 您不是举报处理人。举报只有被授予“举报处理人”的人员可以查看；需要时请单位管理员授权：授权 举报处理人 姓名
tip-unknown = 您受理的单位中没有举报 { $number }。发送“举报列表”查看。
tip-changed = 举报 { $number } 刚被其他处理人改动了。请发送“查看举报 { $number }”看最新情况后再操作。
tips-head = 举报 { $count } 件（新 { $fresh }，逾期 { $overdue }，有新补充 { $unread }）：
tips-none = 目前没有未办结的举报。发送“举报列表 全部”查看已办结的。
tips-purged = 已按保存期限删除、仅保留数量的举报：{ $list }
tips-purged-item = { $outcome ->
    [SUBSTANTIATED] 属实
    [UNSUBSTANTIATED] 不属实
   *[other] 未核查
} { $count } 件
tips-hint = 查看：查看举报 编号；提问：举报追问 编号 内容；结论：举报核查 编号 属实/不属实 说明
tip-line = { $number } · { $kind } · { $status } · 受理 { $received } · { $unit }{ $late ->
    [investigation] {" "}· ⚠核查逾期
    [feedback] {" "}· ⚠反馈逾期
   *[none] {""}
}{ $unread ->
    [yes] {" "}· 有新补充
   *[no] {""}
}{ $claimed ->
    [yes] {" "}· 已申领奖励
   *[no] {""}
}
tip-detail-head = 举报 { $number }（{ $kind }），受理单位：{ $unit }
    状态：{ $status }，受理 { $received }，核查期限 { $investigateBy }{ $extended ->
        [yes] （已延期）
       *[no] {""}
    }{ $feedbackBy ->
        [none] {""}
       *[other] ，反馈期限 { $feedbackBy }{ $feedbackOn ->
            [none] （未反馈）
           *[other] （已于 { $feedbackOn } 反馈）
        }
    }
tip-detail-where = 企业及地点：{ $where }
tip-detail-what = 举报内容：{ $what }{ $photos ->
    [0] {""}
   *[other] （照片 { $photos } 张）
}
tip-detail-named = 举报人：实名，{ $name }，{ $phone }（仅用于核实和发放奖励，不得泄露）
tip-detail-anonymous = 举报人：匿名
tip-detail-facts = 罚款：{ $fine ->
    [none] 未记录
   *[other] { $fine } 元
}；事故：{ $grade ->
    [none] 未记录
   *[other] { $grade }，瞒报死亡 { $deaths } 人
}；同一事实：{ $sameAs ->
    [none] 无
   *[other] { $sameAs }
}
accident-grade-GENERAL = 一般事故
accident-grade-LARGER = 较大事故
accident-grade-MAJOR = 重大事故
accident-grade-ESPECIALLY_MAJOR = 特别重大事故
tip-show-usage = 用法：查看举报 编号，例如：查看举报 JB-2026-000001
tip-ask-usage = 用法：举报追问 编号 问题。问题会出现在举报人查询的结果里。
tip-feedback-usage = 用法：举报反馈 编号 答复内容（核查结论出来后，须在规定期限内反馈举报人）
tip-verify-usage = 用法：举报核查 编号 属实/不属实 [说明]
tip-extend-usage = 用法：举报延期 编号（核查期限延长 30 日，只能一次）
tip-hazard-usage = 用法：举报转隐患 编号 单位 [一般|重大] [整改期限] 隐患描述（用您自己的话写，不要照抄举报原文，以免暴露举报人；不写等级时按举报类别定）。例如：举报转隐患 JB-2026-000001 城关化工厂 重大 2026-12-31 三号仓库液氨储存区未设气体报警装置
tip-fine-usage = 用法：举报罚款 编号 金额，例如：举报罚款 JB-2026-000001 5万
tip-accident-usage = 用法：举报事故 编号 等级 瞒报死亡人数，等级为 一般/较大/重大/特别重大，例如：举报事故 JB-2026-000001 较大 2
tip-same-usage = 用法：同一举报 编号 另一编号（两件举报是同一事实；只奖励最先举报的）
tip-reward-usage = 用法：举报奖励 编号
tip-approve-usage = 用法：批准奖励 编号
tip-paid-usage = 用法：奖励已发放 编号
tip-close-usage = 用法：举报办结 编号
tip-closed-handler = 举报 { $number } 已办结，不能再改动。奖励仍可核定和发放（批准奖励、奖励已发放）；举报人如有新情况会作为新举报提交。
tip-feedback-before-finding = 举报 { $number } 还没有核查结论。请先发送“举报核查 { $number } 属实/不属实”；核查中需要问举报人，请用“举报追问”。
tip-asked = 已向举报人提问（举报 { $number }）。{ $notified ->
    [yes] 举报人开启了通知，已提醒其查看。
   *[no] 举报人凭回执码查询时会看到。
}
tip-feedback-sent = 已答复举报人（举报 { $number }）。{ $notified ->
    [yes] 举报人开启了通知，已提醒其查看。
   *[no] 举报人凭回执码查询时会看到。
}
tip-verify-done = 举报 { $number } 已有核查结论（{ $status }），不能再改。如有新情况，请用“举报反馈 { $number } 内容”告知举报人。
tip-verified-yes = 已记录：举报 { $number } 核查属实。请在 { $feedbackBy } 前答复举报人（举报反馈 { $number } 内容）；需要时发送“举报转隐患”“举报罚款”“举报奖励”。
tip-verified-no = 已记录：举报 { $number } 核查不属实。请在 { $feedbackBy } 前答复举报人（举报反馈 { $number } 内容）。
tip-extend-late = 举报 { $number } 已有核查结论，无需延期。
tip-extend-once = 举报 { $number } 已经延期过一次，核查期限 { $by }。
tip-extended = 举报 { $number } 核查期限延长至 { $by }。
tip-hazard-not-substantiated = 举报 { $number } 还没有核查属实，不能转为隐患。核查属实后请发送“举报核查 { $number } 属实”，再转隐患。
tip-hazard-done = 举报 { $number } 已经转为隐患了（编号见“查看举报 { $number }”），请按隐患流程跟进。
tip-hazard-unit = “{ $unit }”不在举报受理单位“{ $tipUnit }”之下，不能在那里登记。
tip-hazard-filed = 已交办“{ $unit }”隐患 { $hazard }（{ $level }，整改期限 { $deadline }）：该单位看到的来源是“监管部门交办”，不显示举报，也不能降级或驳回。举报 { $number } 已关联。
tip-fine-recorded = 已记录举报 { $number } 的罚款 { $amount } 元。发送“举报奖励 { $number }”查看奖励计算。
tip-accident-recorded = 已记录举报 { $number } 的事故：{ $grade }，瞒报死亡 { $deaths } 人。
tip-same-recorded = 已记录：举报 { $number } 与 { $other } 为同一事实，只奖励最先举报的一件。
tip-reward-for = 举报 { $number } 的奖励计算：
tip-reward-result = 应奖励 { $amount } 元：
reward-step-not-substantiated = 尚未核查属实，不予奖励
reward-step-not-first = 同一事实已有更早的举报，按规定只奖励最先举报人
reward-step-none = 此类举报按现行规则不设奖励
reward-step-fixed = 此类举报固定奖励 { $amount } 元
reward-step-no-fine = 无罚款，按最低标准 { $min } 元
reward-step-share = 罚款 { $fine } 元 × { $pct }% = { $raw } 元
reward-step-min = 低于最低标准，按 { $min } 元
reward-step-max = 超过最高限额，按 { $max } 元
reward-step-need-accident = 尚未记录事故等级和瞒报死亡人数（举报事故 编号 等级 人数）
reward-step-per-death = { $grade }瞒报死亡 { $deaths } 人 × { $per } 元 = { $raw } 元
tip-approve-done = 举报 { $number } 的奖励已核定为 { $amount } 元。
tip-approve-zero = 举报 { $number } 按规则不产生奖励，无法核定：
    { $why }
tip-approved = 已核定举报 { $number } 的奖励 { $amount } 元。发放后发送“奖励已发放 编号”。
tip-paid-not-approved = 举报 { $number } 的奖励还没有核定。请先发送“批准奖励 { $number }”。
tip-paid-done = 已记录：举报 { $number } 的奖励 { $amount } 元已发放。
tip-close-no-finding = 举报 { $number } 还没有核查结论，不能办结。请先发送“举报核查 { $number } 属实/不属实 说明”。
tip-close-no-feedback = 举报 { $number } 还没有答复举报人。请先发送“举报反馈 { $number } 内容”。
tip-close-unpaid = 举报 { $number } 核定的奖励 { $amount } 元还未发放，发放后才能办结。
tip-closed-done = 举报 { $number } 已办结。举报人留下的通知地址已删除；举报内容将在 { $days } 天后删除，只保留统计数量。

tip-photo-caption = 举报 { $number } 的照片 { $n }/{ $of }
tip-approve-stale = 举报 { $number } 的罚款、事故或属实情况刚被其他处理人改过，按旧事实算出的 { $amount } 元没有核定。请发送“举报奖励 { $number }”看新金额，再发送“批准奖励 { $number }”重新核定。
tip-reapprove-hint = 奖励已按原事实核定为 { $amount } 元。如需按新事实重新核定，请发送“批准奖励 { $number }”。
tip-facts-paid = 举报 { $number } 的奖励 { $amount } 元已发放，相关事实和金额不能再改。
tip-close-claimed = 举报人已申领举报 { $number } 的奖励。请先核定（批准奖励 { $number }）并发放，再办结。

## 每日举报提醒（发给举报处理人）

tip-digest-head = 举报提醒（{ $date }）：
tip-digest-new = · 新举报 { $count } 件：{ $list }
tip-digest-unread = · 举报人有新补充或申领：{ $list }
tip-digest-investigation = · 核查逾期（超过 60 日，延期后 90 日）：{ $list }
tip-digest-feedback = · 反馈逾期（核查结论后 { $days } 日内未答复举报人）：{ $list }
tip-digest-hint = 请私聊发送“举报列表”查看。

## 举报处理人的授权：不能授予自己，每次授权和撤销都告知相关人员
tip-grant-self = 不能给自己授予“举报处理人”：这个角色能阅读举报内容，须由另一位管理员授予。请上级单位或本单位的另一位管理员操作。
tip-handler-granted-notice = 【举报处理人变动】{ $actor } 已授予 { $who } “{ $unit }”的举报处理人权限。如与安排不符，请联系上级单位管理员撤销（撤销 举报处理人 { $who } { $unit }）。
tip-handler-revoked-notice = 【举报处理人变动】{ $actor } 已撤销 { $who } 在“{ $unit }”的举报处理人权限。
tip-handlers-usage = 用法：举报处理人 名单
tip-handlers-not-allowed = 只有管理员和举报处理人可以查看举报处理人名单。如需查看，请联系本单位管理员。
tip-handlers-none = 您的单位及上下级单位目前没有举报处理人。管理员可发送“授权 举报处理人 姓名 单位”授予（不能授予自己）。
tip-handlers-head = 举报处理人 { $count } 人：
tip-handlers-line = · { $who } — { $unit }
tip-hazard-deadline = 请写明整改期限：“{ $level }”在该单位没有默认整改时限。例如：举报转隐患 { $number } 单位 重大 2026-12-31 描述
tip-kind-usage = 用法：举报类型 编号 类别 原因，例如：举报类型 JB-2026-000001 2 现场核查为无证经营，不是重大事故隐患（类别：1 重大事故隐患 2 非法违法生产经营建设行为 3 瞒报、谎报事故 4 其他）
tip-kind-same = 举报 { $number } 的类别已经是“{ $kind }”。
tip-kind-done = 已将举报 { $number } 的类别由“{ $from }”更正为“{ $kind }”，原因已记入办理记录；奖励按更正后的类别和核查认定的隐患等级计算（发送“举报奖励 { $number }”查看）。
tip-event-KIND = · { $on } { $who } 更正类别为 { $detail }：{ $note }
reward-step-found-general = 核查认定为一般隐患，不属于重大事故隐患举报，按“其他”类别计
tip-handler-removed-notice = 【举报处理人调整】您在“{ $unit }”的举报处理人身份已撤销：举报由被举报单位之上的监管部门受理，企业不再设举报处理人。{ $regulator ->
        [none] {""}
       *[other] 该单位的举报由“{ $regulator }”受理。
    }已收到的举报已转到监管部门。
tip-handler-removed-regulator = 【举报处理人调整】“{ $unit }”的举报处理人 { $who } 已撤销：企业不再设举报处理人，该单位的举报由本部门受理，原先转到企业的举报已转来。请确认本部门已授权举报处理人（举报处理人 名单）。
tip-hazard-level-from-kind = 未写等级：按举报类别“{ $kind }”定为{ $level }。
tip-unreadable = 收到{ $kind ->
        [voice] 一条语音
        [video] 一段视频
        [sticker] 一个表情
        [location] 一个位置
       *[other] 一条消息
    }，但读不了它的内容，没有记入举报。请用文字（或照片）回答上面的问题；不想继续请发送“取消”。
