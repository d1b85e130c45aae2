# 网页台账：网页 / /web（私聊），以及网页上的每一句话

## 聊天中

web-link = 网页台账登录链接（{ $minutes } 分钟内有效，至 { $until }；只能使用一次，请勿转发）：
    { $url }
    在电脑或手机浏览器中打开。登录后 { $hours } 小时内有效，可查看您所在单位及下级单位的隐患、统计和下载台账、统计表。
web-link-worker = 网页台账登录链接（{ $minutes } 分钟内有效，至 { $until }；只能使用一次，请勿转发）：
    { $url }
    您没有安全管理员或监管人员身份：网页上只能查看您自己报告的隐患（与私聊中“查询”“我的隐患”相同）。登录后 { $hours } 小时内有效。
web-refuse-group = 网页台账的登录链接只在私聊中发送，群里人人都能看到链接。请私聊我发送“网页”（或 /web）。
web-refuse-off = 网页台账没有开启：需要部署时设置 SENTINEL_HTTP_PORT（网页台账和健康检查的端口），对外地址用 SENTINEL_WEB_URL 设置。请联系系统管理员开启；现在可以在聊天中用“隐患列表”“统计”“导出台账”“导出统计表”。

## 网页：框架

web-title = 隐患哨兵 · 网页台账
web-nav-hazards = 隐患台账
web-nav-stats = 统计
web-logout = 退出登录
web-who = { $name } · { $scope }
web-scope-own = 本人报告的隐患
web-footer = 登录有效至 { $until }。页面不缓存；举报只在聊天中由举报处理人办理，网页上不显示。

## 网页：隐患列表

web-list-heading = { $unit } 隐患台账
web-list-heading-own = 我报告的隐患
web-filter-unit = 单位
web-filter-unit-all = 全部（含下级单位）
web-filter-level = 等级
web-filter-state = 状态
web-filter-source = 来源渠道
web-filter-period = 发现期间
web-filter-period-hint = 如 2026-11、2026、2026-01-01~2026-06-30
web-filter-overdue = 只看逾期
web-filter-supervised = 只看挂牌督办
web-filter-any = 全部
web-filter-apply = 筛选
web-filter-reset = 清除筛选
web-list-count = 本页 { $count } 条，按编号从新到旧。
web-list-empty = 没有符合条件的隐患。
web-list-next = 下一页 →
web-list-first = ← 回到第一页
web-overdue-mark = 逾期
web-download-ledger = 下载隐患台账（.xlsx，按当前单位、等级和期间）
web-download-table = 下载统计表（.xlsx）

## 网页：隐患详情

web-hazard-heading = 隐患 { $number }
web-reported-at = 报告时间
web-duplicate-of = 与 { $original } 重复
web-plan = 整改方案（五到位）
web-plan-none = 尚无整改方案。
web-photos = 照片
web-photos-before = 整改前（报告及整改前补充的照片）
web-photos-after = 整改后（整改完成的照片）
web-photos-plan = 整改方案附件
web-photos-none = 没有照片。
web-photo-not-kept = 照片未由本机器人保存（早期记录只有聊天平台的引用，已无法打开）。
web-photo-alt = { $number } 的照片 { $n }
web-history = 处理记录
web-history-when = 时间
web-history-step = 步骤
web-history-who = 经办人
web-history-note = 说明
web-history-files = 附件
web-file-link = 附件 { $n }
web-back = ← 返回隐患台账

## 网页：统计

web-stats-heading = { $unit } 隐患统计（{ $month }）
web-stats-note = 与聊天中“统计 { $month }”的数字相同：排查指已确认（定级）的隐患，整改指其中已整改或已销号的；重复、撤回、不属实的不计。
web-filter-month = 月份
web-stats-month = 本月
web-stats-total = 累计（自 { $since } 起）
web-stats-level = 等级
web-stats-found = 排查（项）
web-stats-rectified = 整改（项）
web-stats-rate = 整改率
web-stats-all = 合计
web-stats-supervised = 挂牌督办（含已销号）
web-stats-pending = 待核实
web-stats-overdue = 逾期
web-stats-trend = 近 12 个月趋势
web-stats-downloads = 下载

## 网页：登录、退出和无法显示的页面

web-signing-in = 已登录，正在打开隐患台账……如果没有自动打开，请点这里。
web-signed-out = 已退出登录。要再次登录，请私聊机器人发送“网页”（或 /web）。
web-login-preview = 这是隐患哨兵网页台账的一次性登录链接，请在浏览器中打开。
web-error-heading = 无法显示（{ $status }）
web-error-login = 您还没有登录，或登录已过期。请私聊机器人发送“网页”（或 /web），用收到的链接登录。
web-error-link = 这个登录链接不能用：已经用过、已经过期或不完整。每个链接只能用一次，{ $minutes } 分钟内有效。请私聊机器人再发送“网页”获取新链接。
web-error-hazard = 找不到隐患 { $number }，或您无权查看。网页上能看到的与聊天中“查询”相同：您报告的隐患，以及您任职单位及其下级单位的隐患。
web-error-not-found = 没有这个页面。请从隐患台账首页进入。
web-error-file = 没有这个附件，或它不属于这条隐患。
web-error-file-missing = 这个附件的文件已不在机器人的文件存储中，请联系系统管理员。
web-error-official-only = 统计和下载只对安全管理员、监管人员开放，与聊天中的“统计”“导出统计表”“导出台账”相同。您可以在本单位的群里发送“统计”查看本单位的数字。
web-error-unit = 不能查看这个单位：只能查看您任职的单位及其下级单位。
web-error-choose-unit = 您在多个单位任职，请先选择一个单位。
web-error-filter = 筛选条件“{ $name }”的值无法识别。请用页面上的选项重新筛选。
web-error-period = 期间格式不对：“{ $input }”。例如 2026-11、10月、2026、2026-01-01~2026-06-30。
web-error-month = 月份格式不对：“{ $input }”。例如 2026-11。
web-error-csrf = 退出请求无效（页面可能已过期）。请刷新页面后再点“退出登录”。
web-error-method = 这个地址不接受这种请求。
web-error-internal = 出错了，请稍后再试；如果一直出错，请联系系统管理员。
