# 平台适配：Telegram 菜单、被拉进群时的提示。

telegram-added = 大家好，我是隐患哨兵。请本单位管理员在群里发送“绑定 单位名称”（/bind 单位名称）把本群绑定到单位，之后群成员就可以发送“报隐患 内容”报告隐患。举报请私聊我。
tgcmd-tip = 有奖举报（可匿名）
tgcmd-tip-status = 凭回执码查询举报
tgcmd-tip-reply = 凭回执码补充举报
tgcmd-tip-claim = 凭回执码申领奖励
tgcmd-status = 查询隐患进度
tgcmd-withdraw = 撤回自己未确认的报告
tgcmd-mine = 我报告的隐患
tgcmd-tips = 举报列表（举报处理人）
tgcmd-deadlines = 报送情况
tgcmd-help = 帮助
tgcmd-lang = 切换语言
tgcmd-cancel = 取消正在填写的内容
tgcmd-report = 报告隐患
tgcmd-stats = 隐患统计
tgcmd-list = 隐患列表
tgcmd-overdue = 逾期隐患
tgcmd-submitted = 已报送
tgcmd-export = 导出统计表
tgcmd-check = 回答排查（逐项）
tgcmd-checklist = 检查清单
tgcmd-checks = 检查情况（完成率、异常率）
tgcmd-ledger = 导出隐患台账
tgcmd-web = 网页台账的一次性登录链接
tgcmd-photos = 隐患照片（整改前、整改后）
