# 隐患台账：导出台账 [重大|全部] [期间]

ledger-usage = 用法：导出台账 [重大|全部] [期间]
    期间按发现日期：2026-10 或 10月（一个月）、2026 或 2026年（一年）、2026-01-01~2026-06-30（起止日期）；不写期间导出全部隐患（台账是动态清单，未销号的早年隐患也在内）。
    “重大”导出重大事故隐患台账（多一列企业主要负责人）。例如：导出台账 重大 2026
ledger-kind-all = 隐患台账
ledger-kind-major = 重大事故隐患台账
ledger-period-all = 全部期间
ledger-started = 正在生成“{ $unit }”{ $kind }（{ $period }），完成后发送。
ledger-done = “{ $unit }”{ $kind }（{ $period }）：共 { $rows } 条。
ledger-empty = “{ $unit }”{ $kind }（{ $period }）：没有符合条件的隐患。
ledger-failed = 台账导出失败，请稍后重试。
ledger-title = { $unit } { $kind }（{ $period }）
ledger-filename = { $kind }-{ $unit }-{ $period }
ledger-sheet = 隐患台账
ledger-sheet-major = 重大事故隐患台账
ledger-footer = 第 &P 页，共 &N 页
ledger-fixed-on-spot = 即查即改（当场整改）
ledger-col-number = 编号
ledger-col-unit = 单位
ledger-col-industry = 行业
ledger-col-principal = 主要负责人
ledger-col-channel = 来源渠道
ledger-col-description = 隐患描述
ledger-col-location = 地点
ledger-col-level = 等级
ledger-col-found = 发现日期
ledger-col-measures = 整改措施
ledger-col-responsible = 责任人
ledger-col-funds = 整改资金
ledger-col-deadline = 整改时限
ledger-col-contingency = 应急预案
ledger-col-supervisedBy = 督办单位
ledger-col-supervisedDeadline = 督办期限
ledger-col-status = 状态
ledger-col-closedOn = 销号日期
ledger-col-photos = 照片
