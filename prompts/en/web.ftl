# The web ledger: /web (private chat), and every sentence of the web pages

## In the chat

web-link = Your web ledger sign-in link (valid for { $minutes } minutes, until { $until }; it works once — do not pass it on):
    { $url }
    Open it in a browser on a computer or a phone. Once signed in, the session lasts { $hours } hours: the hazards of your units and those below them, their statistics, and the ledger and statistics table to download.
web-link-worker = Your web ledger sign-in link (valid for { $minutes } minutes, until { $until }; it works once — do not pass it on):
    { $url }
    You hold no safety manager or inspector role: the web ledger shows you the hazards you reported (as /status and /mine do in this chat). The session lasts { $hours } hours.
web-refuse-group = The web ledger's sign-in link is only sent in a private chat: everyone in a group would see it. Write /web (or 网页) to me privately.
web-refuse-off = The web ledger is not switched on: it needs SENTINEL_HTTP_PORT (the port of the web ledger and the health check) set where the bot runs, and SENTINEL_WEB_URL for its public address. Ask your system admin to switch it on; meanwhile use /list, /stats, /ledger and /export in the chat.

## Web: the frame

web-title = Sentinel · web ledger
web-nav-hazards = Hazard ledger
web-nav-stats = Statistics
web-logout = Sign out
web-who = { $name } · { $scope }
web-scope-own = hazards you reported
web-footer = Signed in until { $until }. Pages are not cached; tips are handled only in the chat by tip handlers and never shown here.

## Web: the hazard list

web-list-heading = Hazard ledger of { $unit }
web-list-heading-own = Hazards you reported
web-filter-unit = Unit
web-filter-unit-all = All (with the units below)
web-filter-level = Level
web-filter-state = State
web-filter-source = Channel
web-filter-period = Found in
web-filter-period-hint = e.g. 2026-11, 2026, 2026-01-01~2026-06-30
web-filter-overdue = Overdue only
web-filter-supervised = Supervised only
web-filter-any = All
web-filter-apply = Filter
web-filter-reset = Clear filters
web-list-count = { $count } on this page, newest number first.
web-list-empty = No hazard matches.
web-list-next = Next page →
web-list-first = ← First page
web-overdue-mark = overdue
web-download-ledger = Download the hazard ledger (.xlsx, for this unit, level and period)
web-download-table = Download the statistics table (.xlsx)

## Web: a hazard

web-hazard-heading = Hazard { $number }
web-reported-at = Reported
web-duplicate-of = Duplicate of { $original }
web-plan = Rectification plan (five parts)
web-plan-none = No rectification plan yet.
web-photos = Photos
web-photos-before = Before (the report's photos and any added before the fix)
web-photos-after = After (photos of the fixed state)
web-photos-plan = Attached to the plan
web-photos-none = No photos.
web-photo-not-kept = Photo not kept by the bot (older records hold only the chat platform's reference, which no longer opens).
web-photo-alt = Photo { $n } of { $number }
web-history = History
web-history-when = When
web-history-step = Step
web-history-who = By
web-history-note = Note
web-history-files = Files
web-file-link = File { $n }
web-back = ← Back to the ledger

## Web: statistics

web-stats-heading = Hazard statistics of { $unit } ({ $month })
web-stats-note = The same figures as /stats { $month } in the chat: found means confirmed with a level, rectified means those of them rectified or closed; duplicates, withdrawn and rejected reports are not counted.
web-filter-month = Month
web-stats-month = This month
web-stats-total = Cumulative (since { $since })
web-stats-level = Level
web-stats-found = Found
web-stats-rectified = Rectified
web-stats-rate = Rate
web-stats-all = Total
web-stats-supervised = Supervised (closed ones included)
web-stats-pending = Awaiting verification
web-stats-overdue = Overdue
web-stats-trend = The last 12 months
web-stats-downloads = Downloads

## Web: signing in and out, pages that cannot be shown

web-signing-in = Signed in; opening the hazard ledger… If nothing happens, click here.
web-signed-out = Signed out. To sign in again, write /web (or 网页) to the bot privately.
web-login-preview = This is a one-time sign-in link to Sentinel's web ledger; open it in a browser.
web-error-heading = Cannot show this ({ $status })
web-error-login = You are not signed in, or your session has expired. Write /web (or 网页) to the bot privately and sign in with the link it sends.
web-error-link = This sign-in link cannot be used: it was used already, has expired or is incomplete. Each link works once, for { $minutes } minutes. Write /web to the bot privately for a new one.
web-error-hazard = There is no hazard { $number }, or you may not see it. The web ledger shows what /status shows in the chat: the hazards you reported, and those of the units you hold a role in and the units below them.
web-error-not-found = There is no such page. Start from the hazard ledger.
web-error-file = There is no such file, or it does not belong to this hazard.
web-error-file-missing = This file is no longer in the bot's file store; tell your system admin.
web-error-official-only = Statistics and downloads are for safety managers and inspectors, as /stats, /export and /ledger are in the chat. In your unit's group, /stats shows your unit's figures.
web-error-unit = You may not see this unit: only the units you hold a role in and the units below them.
web-error-choose-unit = You hold roles in several units: choose one first.
web-error-filter = The filter “{ $name }” has a value I do not know. Filter again with the page's choices.
web-error-period = That period is not one I can read: “{ $input }”. For example 2026-11, 2026, 2026-01-01~2026-06-30.
web-error-month = That month is not one I can read: “{ $input }”. For example 2026-11.
web-error-csrf = This sign-out request is not valid (the page may be out of date). Reload the page and click “Sign out” again.
web-error-method = This address does not take this kind of request.
web-error-internal = Something went wrong; try again later. If it keeps happening, tell your system admin.
