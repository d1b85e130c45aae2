## 日周月排查：检查清单、排查计划、回答、检查情况

check-freq = { $freq ->
        [DAILY] 日查
        [WEEKLY] 周查
        [MONTHLY] 月查
        [LEADER] 主要负责人带队检查
       *[QUARTERLY] 季度检查
    }
check-result = { $result ->
        [OK] 正常
        [ABNORMAL] 异常
       *[NA] 不适用
    }

checklist-usage = 用法：检查清单（查看本单位清单）· 检查清单 模板 · 检查清单 采用 模板名 · 检查清单 添加 [每日|每周|每月|每季度] 内容 [依据:标准] · 检查清单 删除 序号 · 检查清单 责任人 序号 姓名|无 · 检查清单 导出 [2026-11]
checklist-templates-head = 可采用的检查清单模板（发送“检查清单 采用 模板名”）：
checklist-template-line = { $n }. { $name }：{ $count } 项 —— 日查 { $daily }、周查 { $weekly }、月查 { $monthly }、季度检查 { $quarterly }、主要负责人带队检查 { $leader }
checklist-empty = { $unit } 还没有检查清单。安全管理员可发送“检查清单 采用 模板名”采用下列行业模板，再增删条目：
checklist-head = { $unit } 的检查清单（{ $count } 项；⚠ 表示异常时可能构成重大事故隐患）：
checklist-line = { $n }. [{ check-freq }] { $text }{ $major ->
        [yes] ⚠
       *[other] {""}
    }{ $responsible ->
        [none] {""}
       *[other] （责任人：{ $responsible }）
    }{ $basis ->
        [none] {""}
       *[other] {"\u000A"}   依据：{ $basis }
    }
checklist-adopt-usage = 用法：检查清单 采用 模板名。可用模板：{ $list }（发送“检查清单 模板”查看条目数）。
checklist-no-template = 没有名为“{ $word }”的检查清单模板。可用模板：{ $list }。
checklist-adopted = 已为 { $unit } 采用“{ $name }”模板：新增 { $count } 项{ $skipped ->
        [0] {""}
       *[other] （{ $skipped } 项已在清单中，未重复添加）
    }，清单共 { $total } 项。下一步：发送“排查计划 每日 08:30”等设置排查时间；“检查清单”查看并增删条目。
checklist-add-usage = 用法：检查清单 添加 [每日|每周|每月|每季度] 检查内容 [依据:标准或制度]，例如：检查清单 添加 每周 消防水泵每周试运行 依据:GB 25201-2010
checklist-add-exists = 清单中已有“{ $word }”，没有重复添加。
checklist-added = 已在 { $unit } 的检查清单中添加（{ check-freq }）：{ $text }。清单共 { $total } 项。{ $defaulted ->
        [yes] 未写频次，按每日检查；要改频次请删除后重新添加，如“检查清单 添加 每月 …”。
       *[other] {""}
    }
checklist-dropped = 已从 { $unit } 的检查清单删除：{ $text }（以往排查记录保留）。清单还有 { $total } 项。
checklist-responsible-usage = 用法：检查清单 责任人 序号 姓名（或“无”取消）。序号见“检查清单”。
checklist-responsible-set = { $who ->
        [none] 已取消“{ $text }”的责任人。
       *[other] “{ $text }”的责任人：{ $who }。排查时会私聊通知他（他需在本单位或上级单位有授权角色）。
    }
checklist-number-usage = 请写清单中的序号（1–{ $count }），序号见“检查清单”。
checklist-no-item = 清单中没有第 { $number } 项（共 { $count } 项）。发送“检查清单”查看序号。
checklist-exported = { $unit } 的检查清单（{ $items } 项）和 { check-period } 的排查记录（{ $rounds } 轮）已导出。
checklist-filename = 检查清单-{ $unit }-{ check-period }.xlsx

schedule-usage = 用法：排查计划 每日|每周|每月|每季度 时间（如 08:30），或 排查计划 每日 关闭。只发“排查计划”查看本单位的计划。
schedule-none = { $unit } 还没有排查计划。安全管理员可发送“排查计划 每日 08:30”（也可每周、每月、每季度）设置。
schedule-head = { $unit } 的排查计划（只在工作日发布）：
schedule-line = { check-freq }：{ $time } 发布，{ $count } 项
schedule-bad-time = 看不懂时间“{ $input }”。请写成 08:30、8:30 或 8点半。
schedule-quiet = { $input } 在免打扰时段（{ $from }:00–{ $to }:00）内，机器人不会在这时发消息。请选择免打扰时段以外的时间。
schedule-set = 已设置 { $unit } 的{ check-freq }：{ $freq ->
        [DAILY] 每个工作日
        [WEEKLY] 每周第一个工作日
        [MONTHLY] 每月第一个工作日
        [LEADER] { $cadence ->
            [MONTHLY] 每月第一个工作日（高危行业）
           *[QUARTERLY] 每季度第一个工作日
        }由主要负责人带队，私聊通知主要负责人，
       *[QUARTERLY] 每季度第一个工作日
    } { $time } 在本群发布，当期最后一个工作日内完成。{ $count ->
        [0] 注意：清单中还没有{ check-freq }的条目，发送“检查清单 采用 模板名”或“检查清单 添加 …”后才会发布。
       *[other] 本期共 { $count } 项。
    }
schedule-removed = 已停止 { $unit } 的{ check-freq }。
schedule-not-set = { $unit } 没有设置{ check-freq }，无需停止。

check-round-item = { $n }. { $text }{ $major ->
        [yes] ⚠
       *[other] {""}
    }{ $responsible ->
        [none] {""}
       *[other] （{ $responsible }）
    }
check-round-post = 【{ check-freq }】{ $unit } { check-period }，共 { $count } 项，完成期限 { $deadline }：
    { $items }
    回复示例：1好 2好 3异常 配电箱门未关 4不适用；或“全部正常”；或“3异常 说明 其余正常”。现场已整改的在说明后加“已当场整改”（⚠ 项不可）。也可发送“排查”逐项回答。
check-round-private = 【{ check-freq }】{ $unit } { check-period } 的排查开始了，您负责第 { $numbers } 项，请在完成期限 { $deadline } 之内到单位群里回答（如“{ $numbers }好”）：
    { $items }
check-remind = 【排查未完成】{ $unit } 的{ check-freq }（{ check-period }）已过完成期限 { $deadline }，{ $count } 项中还有 { $left } 项未回答。请尽快在本群回答（如“全部正常”，或发送“排查”逐项回答）。
check-escalate = 【排查逾期】{ $unit } 的{ check-freq }（{ check-period }）期限 { $deadline } 已过，提醒后仍未完成：{ $count } 项中已答 { $answered } 项。请督促完成。查看完成情况：检查情况

check-no-round = { $unit } 现在没有待完成的排查。排查按“排查计划”在工作日发布（发送“排查计划”查看）；发现隐患可随时发送“报隐患 内容”。
check-usage = 没看懂这条排查回答。请按序号回答（共 { $count } 项）：1好 2好 3异常 配电箱门未关 4不适用；或“全部正常”；或只发“排查”逐项回答。
check-bad-number = 本轮排查没有第 { $number } 项（共 { $count } 项），这条回答没有记录。请核对序号后重发。
check-abnormal-note = 第 { $number } 项是异常，请写明情况（如“{ $number }异常 配电箱门未关”）或附上照片后重发。这条回答没有记录。
check-fix-major = 第 { $number } 项（{ $text }）异常时可能构成重大事故隐患，不能按“已当场整改”直接销号。请去掉“已当场整改”重发：它会作为隐患登记，由安全管理员核实。
check-fix-not-allowed = 只有 { $unit } 的{ $role }或该项的责任人可以记录“已当场整改”。请去掉“已当场整改”重发，隐患会登记后由{ $role }核实。
check-hazard-description = 【自查】{ $note ->
        [none] 不符合要求：{ $text }
       *[other] { $note }（检查项：{ $text }）
    }
check-hazard-filed = 第 { $n } 项异常，已登记隐患 { $number }（来源：自查）{ $fixed ->
        [yes] ，已当场整改并销号。
       *[other] ，状态：待核实。
    }{ $major ->
        [yes] ⚠ 可能构成重大事故隐患，请安全管理员尽快核实（查询 { $number }）。
       *[other] {""}
    }
check-recorded = 已记录 { $unit } { check-freq }（{ check-period }）：正常 { $ok } 项、异常 { $abnormal } 项、不适用 { $na } 项。
check-already = 第 { $n } 项已由 { $who } 于 { $when } 回答，这次的回答未记录。
check-missing = 还有 { $count } 项未回答：第 { $list } 项。
check-finished = 本轮排查已全部完成，谢谢！
check-complete-before = 本轮排查此前已全部完成。
check-dialog-start = 开始逐项回答{ check-freq }（{ check-period }，共 { $count } 项）。每项回复：正常 / 异常 情况说明（可附照片）/ 不适用；发送“取消”退出，已答的保留。
check-ask = 第 { $n }/{ $count } 项：{ $text }{ $major ->
        [yes] ⚠
       *[other] {""}
    }
check-nothing-left = 这一轮的每一项都已有回答。
check-dialog-over = 这一轮排查已经完成或不存在了，逐项回答已结束。
check-dialog-usage = 请回复“正常”、“异常 情况说明”（可附照片）或“不适用”；发送“取消”退出（已答的保留）。
check-dialog-cancelled = 已退出逐项回答。已回答的项目已经记录；剩下的可以再发送“排查”继续，或按序号回答。

checks-usage = 用法：检查情况 [2026-11|2026-Q4|2026]（默认本月）。
checks-head = 【检查情况】{ $unit } 及下级单位，{ check-period }：
checks-none = 这段时间没有发布过排查。
checks-total = 合计：{ $rounds } 轮，完成 { $completed } 轮，完成率 { $rate }；检查 { $checked } 项次，异常 { $abnormal }，异常率 { $abnormalRate }
checks-unit = { $unit }：{ $rounds } 轮，完成 { $completed } 轮（按时 { $onTime }），完成率 { $rate }；检查 { $checked } 项次，异常 { $abnormal }，异常率 { $abnormalRate }
checks-item = {"   "}· { $text }：{ $rounds } 轮中完成 { $answered }，完成率 { $rate }；检查 { $checked } 次，异常 { $abnormal }，异常率 { $abnormalRate }
checks-items-hint = （单位较多，未列逐项情况：在单位群里发送“检查情况”，或“检查清单 导出”。）

xlsx-none = —
xlsx-yes = 是
xlsx-checklist-sheet = 检查清单
xlsx-records-sheet = 排查记录
xlsx-checklist-title = { $unit } 安全生产检查清单
xlsx-records-title = { $unit } 隐患排查记录（{ check-period }）
xlsx-no = 序号
xlsx-frequency = 频次
xlsx-item = 检查内容
xlsx-basis = 依据
xlsx-major = 重大隐患判定项
xlsx-responsible = 责任人
xlsx-period = 期次
xlsx-deadline = 完成期限
xlsx-result = 结果
xlsx-note = 情况说明
xlsx-hazard = 隐患编号
xlsx-answered-by = 检查人
xlsx-answered-at = 检查时间
xlsx-unanswered = 未检查
check-dialog-file = 收到的是文件，不是这一项的排查答复，也不是报送材料：请回复“正常”、“异常 情况说明”（可附照片）或“不适用”；发送“取消”退出（已答的保留）。
