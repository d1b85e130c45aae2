## 主要负责人带队检查（治本攻坚 第6条）、期次的写法

check-period = { $pkind ->
        [week] { $pyear }年第{ $pn }周
        [quarter] { $pyear }年第{ $pn ->
            [1] 一
            [2] 二
            [3] 三
           *[4] 四
        }季度
        [month] { $pyear }年{ $pn }月
        [year] { $pyear }年
       *[other] { $ptext }
    }
check-cadence = { $cadence ->
        [MONTHLY] 每月
       *[QUARTERLY] 每季度
    }
check-lead-post = 【主要负责人带队检查】{ $unit } { check-period }（{ check-cadence }至少 1 次{ $cadence ->
        [MONTHLY] ，高危行业
       *[other] {""}
    }），共 { $count } 项，完成期限 { $deadline }：
    { $items }
    须由主要负责人或实际控制人带队：在本群按序号回答（如“排查 带队 1好 2异常 说明”），或由安全管理员回答后，主要负责人发送“带队签字”确认。{ $leaders ->
        [none] {"\u000A"}⚠ { $unit } 还没有授权主要负责人或实际控制人，这一轮无法完成：请管理员发送“授权 主要负责人 姓名”。
       *[other] {""}
    }
check-lead-private = 【主要负责人带队检查】{ $unit } { check-period } 的带队检查已发布（{ check-cadence }至少 1 次），共 { $count } 项，请在完成期限 { $deadline } 之内带队完成：在单位群里按序号回答（如“排查 带队 全部正常”），或由安全管理员回答后在单位群里发送“带队签字”。
    { $items }
check-lead-remind = 【带队检查未完成】{ $unit } 的主要负责人带队检查（{ check-period }）已过完成期限 { $deadline }：{ $left ->
        [0] 各项已回答，但还没有主要负责人或实际控制人带队签字。请主要负责人在单位群里发送“带队签字”。
       *[other] { $count } 项中还有 { $left } 项未回答{ $led ->
            [yes] {""}
           *[other] ，也还没有主要负责人或实际控制人带队
        }。请主要负责人带队完成（在单位群里发送“排查 带队”逐项回答）。
    }
check-lead-escalate = 【带队检查逾期】{ $unit } 的主要负责人带队检查（{ check-period }）期限 { $deadline } 已过，提醒后仍未完成：{ $count } 项中已答 { $answered } 项，{ $led ->
        [yes] 已由 { $leader } 带队
       *[other] 未经主要负责人或实际控制人带队
    }。依据：主要负责人每季度（高危行业每月）至少带队检查 1 次。查看：检查情况
check-sign-usage = 用法：在单位群里发送“带队签字”，确认本期主要负责人带队检查由您带队完成。
check-sign-no-round = { $unit } 现在没有待签字的主要负责人带队检查。带队检查按“排查计划 带队 时间”发布（发送“排查计划”查看）。
check-sign-not-leader = 只有 { $unit } 的主要负责人或实际控制人可以为带队检查签字：安全管理员或其他人员回答的带队检查，不算主要负责人带队。请主要负责人本人发送“带队签字”。
check-signed = 已记录：{ $unit } { check-period } 的主要负责人带队检查由 { $who } 带队。{ $left ->
        [0] 本轮带队检查已完成。
       *[other] 还有 { $left } 项未回答：第 { $list } 项。
    }
check-signed-already = { $unit } { check-period } 的带队检查已由 { $who } 于 { $when } 签字，这次没有重复记录。
check-led-by = 本轮由 { $who } 带队。
check-lead-needs-sign = 各项已回答，但这是主要负责人带队检查：须由主要负责人或实际控制人发送“带队签字”后才算完成（安全管理员回答的不算带队）。
checklist-lead-hint = 其中主要负责人带队检查 { $count } 项：{ $unit } { $cadence ->
        [MONTHLY] 属高危行业（{ $industry }），每月
       *[QUARTERLY] 每季度
    }至少带队检查 1 次。发送“排查计划 带队 09:00”安排，发布时私聊通知主要负责人。
checks-leader = {"   "}主要负责人带队检查 { $rounds } 轮，主要负责人或实际控制人带队 { $led } 轮{ $unledCount ->
        [0] {""}
       *[other] ，⚠ 未带队 { $unledCount } 轮：{ $unled }
    }
checks-no-leader = ⚠ 本期没有主要负责人带队检查的企业（{ $count } 家）：{ $list }
checks-no-leader-more = { $list } 等 { $count } 家

## 排查记录导出：三张清单（检查清单、隐患清单、整改清单）和合计行

xlsx-fix = 整改
xlsx-rectification = { $status ->
        [CLOSED] 已销号{ $closed ->
            [none] {""}
           *[other] （{ $closed }）
        }
        [RECTIFIED] 已整改待验收
        [RECTIFYING] 整改中
        [CONFIRMED] 已确认
        [REPORTED] 待核实
        [REJECTED] 不属实
        [DUPLICATE] 重复报告
       *[other] 已撤回
    }{ $deadline ->
        [none] {""}
       *[other] ，期限 { $deadline }
    }
xlsx-total = 合计
xlsx-total-rounds = 共 { $rounds } 轮
xlsx-total-completed = 完成 { $completed } 轮
xlsx-total-rate = 完成率 { $rate }
xlsx-total-abnormal = 异常率 { $rate }
xlsx-problems-sheet = 隐患清单
xlsx-problems-title = { $unit } 隐患清单（{ check-period }）
xlsx-fixes-sheet = 整改清单
xlsx-fixes-title = { $unit } 整改清单（{ check-period }）
xlsx-problem = 隐患内容
xlsx-fix-status = 整改情况
xlsx-fix-deadline = 整改期限
xlsx-fix-closed = 销号日期
