# 控制台平台：终端里的聊天。

console-banner = 隐患哨兵已启动（数据库：{ $store }）。
    您现在是“{ $who }”，在与机器人的私聊中。切换身份和群：/as 张三@车间群；回到私聊：/as 张三；发照片：/photo 说明；发文件：/file 文件名 说明；退出：/quit
    发送“帮助”查看命令。
console-admin-code = 还没有管理员。一次性代码：{ $code } —— 在私聊中发送“认领管理员 { $code }”（或 /claim { $code }）成为管理员。
console-as-usage = 用法：/as 姓名@群名（在群里说话）或 /as 姓名（私聊）
console-error = 处理这一行时出错了（{ $kind }），控制台继续运行。
console-as-group = 现在您是“{ $who }”，在群“{ $chat }”中。
console-as-private = 现在您是“{ $who }”，在与机器人的私聊中。
