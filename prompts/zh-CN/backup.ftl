# 备份与恢复：管理员的“备份”命令，以及 npm run restore 在终端里说的话。

## 备份命令

refuse-backup-admin = 备份的是整个系统（所有单位）的数据，只有系统管理员可以操作。请联系系统管理员。
refuse-backup-in-group = 备份请在私聊中发送“备份”，服务器上的文件位置不在群里显示。
refuse-backup-postgres = 当前使用 PostgreSQL 服务器，机器人不自己做快照。请用 pg_dump 备份（见 README“备份”一节），或设置 SENTINEL_BACKUP=on 每晚自动 pg_dump。
refuse-backup-failed = 备份没有完成（{ $reason }），没有留下不完整的文件。请检查服务器磁盘空间和备份目录的权限后再试。
backup-done = 已备份：{ $file }
    大小 { $size }，SHA-256 { $sha256 }
    请把它复制到另一台机器或另一块磁盘。恢复时还需要服务器密钥（secret.key 或 SENTINEL_SECRET），它不在备份里，请另行妥善保管。

## 恢复（npm run restore -- 备份文件）

restore-usage = 用法：npm run restore -- <备份文件> [--secret <secret.key 文件>]
    恢复到 DATA_DIR（必须是空目录，或只有 secret.key）。服务器密钥取自 SENTINEL_SECRET、--secret 指定的文件，或 DATA_DIR/secret.key。
restore-postgres = 设置了 DATABASE_URL：PostgreSQL 的备份请用 pg_restore 恢复（见 README“备份”一节）。本命令只恢复内置数据库。
restore-no-secret = 没有服务器密钥，无法核对备份：请设置 SENTINEL_SECRET，或用 --secret 指定备份时的 secret.key 文件，或先把它复制到 { $dir }/secret.key。
restore-secret-unreadable = 读不了密钥文件 { $file }（{ $reason }）。
restore-checking = 正在核对备份 { $file } …
restore-done = 已恢复到 { $dir }：{ $day } 的备份，数据库版本 { $schema }{ $applied ->
        [0] 。
       *[other] ，并已升级（{ $applied } 个新迁移）。
    }
    现在可以用同一个 DATA_DIR 和同一个密钥启动机器人：npm start
restore-counts = 恢复的数据：单位 { $units }，隐患 { $hazards }（处理记录 { $events }），举报 { $tips }（记录 { $tipEvents }），报送事项 { $obligations }（已报送 { $submissions }），奖励台账 { $ledger } 条。
backup-not-a-backup = 这不是隐患哨兵的备份文件（开头不对）。请指定 DATA_DIR/backups/ 里的 .sentinel-backup 文件。
backup-newer-format = 这个备份文件的格式比本程序新，无法恢复。请用更新版本的隐患哨兵恢复。
backup-truncated = 备份文件不完整：应有 { $expected } 字节数据，只有 { $found } 字节（复制中断或磁盘已满？）。没有写入任何内容。请换一份完整的备份。
backup-damaged-header = 备份文件已损坏：文件头校验不符。没有写入任何内容。请换一份备份。
backup-damaged = 备份文件已损坏：数据与校验和（SHA-256 { $sha256 }）不符。没有写入任何内容。请换一份备份，或从日志里核对各份备份的校验和。
backup-unreadable = 读不了备份文件 { $file }（{ $reason }）。
restore-not-empty = { $dir } 不是空目录（有 { $found }），为免覆盖现有数据，不恢复。请指定一个新的空目录作为 DATA_DIR。
restore-wrong-secret = 这份备份（{ $day }）是在另一个服务器密钥下做的，用现在的密钥无法读取其中的举报、核对回执码。没有写入任何内容。请提供备份时使用的 SENTINEL_SECRET 或 secret.key。
restore-newer-schema = 这份备份来自更新版本的隐患哨兵（数据库版本 { $schema }），本程序不认识。请用至少同样新的版本恢复。
restore-failed = 恢复失败（{ $reason }），已删除未完成的数据库，DATA_DIR 保持原样。
restore-files = 照片和文档：从 { $from } 恢复了 { $files } 个文件。
