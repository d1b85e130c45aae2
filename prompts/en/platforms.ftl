# Platform adapters: Telegram's menu, the greeting when added to a group.

telegram-added = Hello, I am Sentinel. An admin of your unit can bind this group with /bind <unit name>; then members report hazards with /report <what you saw>. Tips go to me in a private chat.
tgcmd-tip = a reward tip (anonymous if you like)
tgcmd-tip-status = follow a tip with its receipt code
tgcmd-tip-reply = add to a tip with its receipt code
tgcmd-tip-claim = claim a tip's reward
tgcmd-status = how a hazard stands
tgcmd-withdraw = take back your unconfirmed report
tgcmd-mine = the hazards you reported
tgcmd-tips = tips (tip handlers)
tgcmd-deadlines = reports owed and submitted
tgcmd-help = help
tgcmd-lang = change language
tgcmd-cancel = drop what you are filling in
tgcmd-report = report a hazard
tgcmd-stats = hazard statistics
tgcmd-list = hazards
tgcmd-overdue = overdue hazards
tgcmd-submitted = a report was submitted
tgcmd-export = export the statistics table
tgcmd-check = answer the self-inspection round item by item
tgcmd-checklist = the unit's checklist
tgcmd-checks = self-inspection completion
tgcmd-ledger = export the hazard ledger
tgcmd-web = a one-time link to the web ledger
tgcmd-photos = a hazard's photos (before and after)
