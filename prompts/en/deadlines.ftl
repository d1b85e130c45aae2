# Obligations, submissions, the statistics table, the trend chart, deadline reminders.

## Obligations

deadline-add-usage = Usage: /deadline add <due date> <name> [subtree], e.g. /deadline add 2026-08-15 implementation-report (in your unit's group; owed by the units directly below, or by every unit below with "subtree" at the end)
deadline-past = The due date { $date } has passed. Give today or a later date, like 2026-08-15.
deadline-no-units = There are no units below "{ $unit }", so nobody owes it a report. Create one first: /unit add <name> { $unit }
deadline-exists = There is an obligation called "{ $word }" already. Choose another name, or remove it first: /deadline remove { $word }
deadline-added = Added the obligation "{ $name }", due { $due }, owed by { $count } unit(s) below.
    Reminders: { $steps } (only to units that have not submitted; reminders on days off move to the working day before).
    A unit submits with /submitted { $keyword } in its group, or by sending the file with "{ $keyword }" in the caption.
step-T-3 = 3 working days before, { $date }
step-T-1 = 1 working day before, { $date }
step-T0 = on the day, { $date }
step-MISS = the working day after a miss, { $date }
deadline-remove-usage = Usage: /deadline remove <name>
deadline-remove-unknown = Your unit has no one-off obligation "{ $word }". There are: { $list }
deadline-removed = Removed the obligation "{ $name }"; no more reminders for it.

## Submitting

submitted-usage = Usage: /submitted <obligation> [period], e.g. /submitted monthly, /submitted annual 2026. Obligations: { $list }
submitted-unknown = There is no obligation "{ $word }". You can submit: { $list }
submitted-no-receiver = "{ $unit }" has no unit above it, so it owes no reports.
submitted-bad-period = The period "{ $period }" does not fit. For this obligation write it like { $example }.
submitted-done = Recorded: "{ $unit }" submitted the { $name } for { $period } to "{ $receiver }"{ $late ->
    [yes] {" "}(late: it was due { $due })
   *[no] {" "}(due { $due })
}. No more reminders for this period.
submitted-already = The { $name } for { $period } was submitted on { $when } by { $who } already.

## Status

deadlines-head = [{ $unit }] submissions:
deadlines-no-units = There are no units below "{ $unit }" that owe it reports.
deadlines-obligation = { $name } ({ $period }, due { $due }): { $done }/{ $total } submitted
deadlines-line-submitted = · ✓ { $unit } — { $when } { $who }{ $late ->
    [yes] {" "}(late)
   *[no] {""}
}
deadlines-line-missing = · ✗ { $unit } — missing{ $overdue ->
    [yes] {" "}(overdue)
   *[no] {""}
}
deadlines-usage = Usage: /deadlines [period], a period like 2026-11 (monthly) or 2026 (annual).
refuse-official-nowhere = You are not an official of any unit, so there is nothing to show or export. Ask your unit's admin: /grant official <your name>
remindme-usage = Usage: /remindme on|off (on: deadline reminders come to your private chat too; send me any message first)
remindme-on = Done: deadline reminders will come to your private chat too.
remindme-off = Done: deadline reminders go to your unit's groups only.

## Recording figures

record-usage = Usage: /record [2026-11] <name>=<value> …, e.g. /record study=3 publicity=5 fines=12.5 contact=Zhang phone=13800000000 (the names follow the table of the unit's campaign); main problems: /record problem <aspect> what it looks like; measures and how far they got
record-unknown-key = I do not know "{ $word }". You can record: { $keys }
record-bad-value = The value of "{ $word }" is wrong: counts are whole numbers, fines are in 10,000 yuan (decimals allowed).
record-regulator-only = "{ $word }" is a regulator's own enforcement figure; "{ $unit }" is an enterprise, so it records none, and the totals never count an enterprise's. The regulator above records it in its own group.
record-done = Recorded for "{ $unit }", { $month }: { $list }. Send /export { $month } to see the table.
record-problem-usage = Usage: /record problem <aspect> what it looks like; measures and how far they got (two parts separated by a semicolon). The aspect by number or name: { $aspects }
record-problem-aspect = I do not know which aspect "{ $word }" is. Give its number or name: { $aspects }
record-problem-none = The table of "{ $campaign }" has no main-problems part; there is nothing to record.
record-problem-done = Recorded entry no. { $count } under "{ $aspect }" for "{ $unit }", { $month }. Recording again adds another; "/record problem <aspect> clear" starts it over.
record-problem-cleared = Cleared the entries under "{ $aspect }" for "{ $unit }", { $month }.

## Statistics table

export-usage = Usage: /export [2026-11]
export-started = Building the statistics table of "{ $unit }" for { $month }; it will follow when ready.
export-done = The statistics table of "{ $unit }" for { $month }:
export-failed = The statistics table of "{ $unit }" for { $month } could not be built. Please try again later, or tell an admin if it keeps failing.
xlsx-filename = statistics-{ $unit }-{ $month }
xlsx-summary-sheet = Summary
xlsx-footer = Hazards counted from { $since } to { $until }

## The trend chart

trend-title = { $unit }: hazards, { $from } to { $to }
trend-axis-count = hazards
trend-axis-rate = rectification rate (%)
trend-general-found = general found
trend-general-rectified = general rectified
trend-major-found = major found
trend-major-rectified = major rectified
trend-supervised = supervised (cumulative)
trend-rate = cumulative rectification rate
trend-done = "{ $unit }", the last 12 months ({ $from } to { $to }): { $found } found, { $rectified } rectified; cumulative rectification rate at { $to }: { $rate }; supervised (closed ones too): { $supervised }.
## Deadline reminders (to units that have not submitted)

reminder-T-3 = [Reminder] "{ $unit }": the { $name } ({ $period }) is due to "{ $receiver }" by { $due }{ $late ->
    [yes] {" "}(sent late).
   *[no] , three working days from now.
} Once submitted, send "/submitted { $keyword }" here, or send the file with "{ $keyword }" in its caption.
reminder-T-1 = [Reminder] "{ $unit }": the { $name } ({ $period }) is due to "{ $receiver }" by { $due }{ $late ->
    [yes] {" "}(sent late).
   *[no] ; one working day left.
} Once submitted, send "/submitted { $keyword }" here, or send the file with "{ $keyword }" in its caption.
reminder-T0 = [Reminder] "{ $unit }": the { $name } ({ $period }) is due today ({ $due }) to "{ $receiver }"{ $late ->
    [yes] {" "}(sent late).
   *[no] .
} Once submitted, send "/submitted { $keyword }" here, or send the file with "{ $keyword }" in its caption.
reminder-MISS = [Overdue] "{ $unit }": the { $name } ({ $period }) was due on { $due } and has not reached "{ $receiver }"{ $late ->
    [yes] {" "}(sent late).
   *[no] .
} Please submit it now, then send "/submitted { $keyword }".
reminder-escalate = [Overdue] The { $name } ({ $period }, due { $due }) is still missing from { $count } unit(s): { $units }. Send /deadlines for details.

## Holiday calendar missing a year (privately to every admin, once a year)

calendar-unknown = [Holiday calendar] The bot's holiday data does not have { $year }'s public holidays and make-up workdays yet. Until it does, reminders in { $year } count Monday–Friday as working days: they may land in the Spring Festival holiday, and make-up working weekends get none.
    Once the State Council announces { $year }'s holidays, put the notice's dates in a JSON file: under the year "{ $year }", "holidays" lists every day off and "workdays" every weekend day that is worked, dates written like { $year }-01-01. Then point the setting { $setting } at the file and restart the bot.
    Only admins get this message, each once.
