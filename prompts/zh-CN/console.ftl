# 控制台平台：终端里的聊天。

console-banner = 隐患哨兵已启动（数据库：{ $store }）。
    您现在是“{ $who }”，在与机器人的私聊中。切换身份和群：/as 张三@车间群；回到私聊：/as 张三；退出：/quit
    发照片：/photo [路径] [说明]（不给路径就由控制台生成一张）；发文件：/file 路径 [说明]（路径有空格时加引号）；机器人发来的照片和文件存在 outbox 文件夹里。
    发位置：/location 纬度,经度 [名称]；发一条机器人读不了的语音、视频或表情：/voice、/video、/sticker。
    发送“帮助”查看命令。
console-admin-code = 还没有管理员。一次性代码：{ $code } —— 在私聊中发送“认领管理员 { $code }”（或 /claim { $code }）成为管理员。
console-as-usage = 用法：/as 姓名@群名（在群里说话）或 /as 姓名（私聊）
console-error = 处理这一行时出错了（{ $kind }），控制台继续运行。
console-as-group = 现在您是“{ $who }”，在群“{ $chat }”中。
console-as-private = 现在您是“{ $who }”，在与机器人的私聊中。
console-file-usage = 用法：/file 路径 [说明]，例如 /file ./月报.xlsx 11月月报
console-no-file = 读不到文件“{ $path }”：请检查路径是否正确、文件是否可读。
console-location-usage = 用法：/location 纬度,经度 [名称]，例如 /location 31.2304,121.4737 城关化工厂东门
