# Backups and restore: the admin's backup command, and what npm run restore says in the terminal.

## The backup command

refuse-backup-admin = A backup holds the whole system (every unit's data), so only a system admin may take one. Ask a system admin.
refuse-backup-in-group = Ask for a backup in a private chat (/backup there): where files are on the server is not shown in a group.
refuse-backup-postgres = This bot runs on a PostgreSQL server, where it takes no snapshot of its own. Back up with pg_dump (see “Backups” in the README), or set SENTINEL_BACKUP=on for a nightly pg_dump.
refuse-backup-failed = The backup did not finish ({ $reason }); no partial file was left. Check the server's free disk space and the backup folder's permissions, then try again.
backup-done = Backed up: { $file }
    { $size }, SHA-256 { $sha256 }
    Copy it to another machine or disk. A restore also needs the server secret (secret.key or SENTINEL_SECRET), which is not in the backup: keep it safe, apart.

## Restore (npm run restore -- <file>)

restore-usage = Usage: npm run restore -- <backup file> [--secret <secret.key file>]
    Restores into DATA_DIR, which must be empty (or hold only secret.key). The server secret comes from SENTINEL_SECRET, the file given with --secret, or DATA_DIR/secret.key.
restore-postgres = DATABASE_URL is set: restore a PostgreSQL backup with pg_restore (see “Backups” in the README). This command restores the embedded database only.
restore-no-secret = No server secret to check the backup against: set SENTINEL_SECRET, give the secret.key it was taken with as --secret <file>, or copy it to { $dir }/secret.key first.
restore-secret-unreadable = Cannot read the secret file { $file } ({ $reason }).
restore-checking = Checking the backup { $file } …
restore-done = Restored into { $dir }: the backup of { $day }, database version { $schema }{ $applied ->
        [0] .
       *[other] , brought up to date ({ $applied } newer migrations).
    }
    Start the bot with the same DATA_DIR and the same secret: npm start
restore-counts = Restored: { $units } units, { $hazards } hazards ({ $events } events), { $tips } tips ({ $tipEvents } events), { $obligations } obligations ({ $submissions } submissions), { $ledger } ledger entries.
backup-not-a-backup = This is not a Sentinel backup (it does not start like one). Give a .sentinel-backup file from DATA_DIR/backups/.
backup-newer-format = This backup is in a newer format than this program knows. Restore it with a newer Sentinel.
backup-truncated = The backup is incomplete: { $expected } bytes of data expected, { $found } found (an interrupted copy, a full disk?). Nothing was written. Use a complete backup.
backup-damaged-header = The backup is damaged: its header does not match its checksum. Nothing was written. Use another backup.
backup-damaged = The backup is damaged: its data does not match its checksum (SHA-256 { $sha256 }). Nothing was written. Use another backup, or compare the backups' checksums with those in the log.
backup-unreadable = Cannot read the backup file { $file } ({ $reason }).
restore-not-empty = { $dir } is not empty (it holds { $found }), and a restore never overwrites data. Point DATA_DIR at a new, empty folder.
restore-wrong-secret = This backup (of { $day }) was taken under another server secret: with the present one its tips cannot be read nor its receipt codes matched. Nothing was written. Give the SENTINEL_SECRET or secret.key in use when it was taken.
restore-newer-schema = This backup comes from a newer Sentinel (database version { $schema }) than this one. Restore it with a version at least as new.
restore-failed = The restore failed ({ $reason }); the unfinished database was removed and DATA_DIR is as it was.
restore-files = Photos and documents: { $files } files restored from { $from }.
