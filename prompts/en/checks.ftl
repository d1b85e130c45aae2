## Self-inspection: checklists, schedules, answers, completion

check-freq = { $freq ->
        [DAILY] daily check
        [WEEKLY] weekly check
        [MONTHLY] monthly check
        [LEADER] check led by the principal
       *[QUARTERLY] quarterly check
    }
check-result = { $result ->
        [OK] OK
        [ABNORMAL] abnormal
       *[NA] n/a
    }

checklist-usage = Usage: /checklist (this unit's list) · /checklist templates · /checklist adopt <template> · /checklist add [daily|weekly|monthly|quarterly] <check> [basis: <standard>] · /checklist drop <no> · /checklist responsible <no> <name>|none · /checklist export [2026-11]
checklist-templates-head = Checklist templates (send "/checklist adopt <template>"):
checklist-template-line = { $n }. { $name }: { $count } items — daily { $daily }, weekly { $weekly }, monthly { $monthly }, quarterly { $quarterly }, led by the principal { $leader }
checklist-empty = { $unit } has no checklist yet. A safety manager can adopt one of these industry templates with "/checklist adopt <template>", then add or drop items:
checklist-head = Checklist of { $unit } ({ $count } items; ⚠ marks an item whose abnormal answer may be a major hazard):
checklist-line = { $n }. [{ check-freq }] { $text }{ $major ->
        [yes] ⚠
       *[other] {""}
    }{ $responsible ->
        [none] {""}
       *[other] {" "}(responsible: { $responsible })
    }{ $basis ->
        [none] {""}
       *[other] {"\u000A"}   Basis: { $basis }
    }
checklist-adopt-usage = Usage: /checklist adopt <template>. Templates: { $list } (send "/checklist templates" for their items).
checklist-no-template = There is no checklist template "{ $word }". Templates: { $list }.
checklist-adopted = { $unit } adopted the template "{ $name }": { $count } items added{ $skipped ->
        [0] {""}
       *[other] ({ $skipped } were on the list already)
    }, { $total } in all. Next: "/checkplan daily 08:30" (or weekly, monthly, quarterly) sets when rounds are posted; "/checklist" shows the list.
checklist-add-usage = Usage: /checklist add [daily|weekly|monthly|quarterly] <check> [basis: <standard or rule>], e.g. /checklist add weekly fire pump test run basis: GB 25201-2010
checklist-add-exists = "{ $word }" is on the list already; not added twice.
checklist-added = Added to the checklist of { $unit } ({ check-freq }): { $text }. { $total } items in all.{ $defaulted ->
        [yes] {" "}No frequency given, so it is checked daily; to change it, drop it and add it again, e.g. "/checklist add monthly …".
       *[other] {""}
    }
checklist-dropped = Dropped from the checklist of { $unit }: { $text } (past records keep it). { $total } items left.
checklist-responsible-usage = Usage: /checklist responsible <no> <name> (or "none"). The numbers are those of "/checklist".
checklist-responsible-set = { $who ->
        [none] "{ $text }" has no responsible person now.
       *[other] Responsible for "{ $text }": { $who }. They are told privately when a round starts (if they hold a role on this unit or one above it).
    }
checklist-number-usage = Give the item's number on the list (1–{ $count }); "/checklist" shows them.
checklist-no-item = The list has no item { $number } ({ $count } items). Send "/checklist" for the numbers.
checklist-exported = The checklist of { $unit } ({ $items } items) and the records of { check-period } ({ $rounds } rounds).
checklist-filename = checklist-{ $unit }-{ check-period }.xlsx

schedule-usage = Usage: /checkplan daily|weekly|monthly|quarterly <time> (e.g. 08:30), or /checkplan daily off. "/checkplan" alone shows this unit's schedule.
schedule-none = { $unit } has no self-inspection schedule. A safety manager can set one with "/checkplan daily 08:30" (or weekly, monthly, quarterly).
schedule-head = Self-inspection schedule of { $unit } (working days only):
schedule-line = { check-freq }: posted at { $time }, { $count } items
schedule-bad-time = I cannot read the time "{ $input }". Write it as 08:30 or 8:30.
schedule-quiet = { $input } is in the quiet hours ({ $from }:00–{ $to }:00), when the bot sends nothing. Choose a time outside them.
schedule-set = { $unit }'s { check-freq } is posted in this group { $freq ->
        [DAILY] every working day
        [WEEKLY] on the first working day of each week
        [MONTHLY] on the first working day of each month
        [LEADER] { $cadence ->
            [MONTHLY] on the first working day of each month (high-risk industry)
           *[QUARTERLY] on the first working day of each quarter
        }, led by the principal (told privately),
       *[QUARTERLY] on the first working day of each quarter
    } at { $time }, due by the period's last working day. { $count ->
        [0] Note: the checklist has no { check-freq } items yet; rounds are posted once "/checklist adopt" or "/checklist add" gives it some.
        [one] 1 item each time.
       *[other] { $count } items each time.
    }
schedule-removed = { $unit }'s { check-freq } is stopped.
schedule-not-set = { $unit } has no { check-freq } scheduled; nothing to stop.

check-round-item = { $n }. { $text }{ $major ->
        [yes] ⚠
       *[other] {""}
    }{ $responsible ->
        [none] {""}
       *[other] {" "}({ $responsible })
    }
check-round-post = [{ check-freq }] { $unit } { check-period }: { $count } items, due by { $deadline }:
    { $items }
    Answer like: 1 ok 2 ok 3 abnormal distribution box open 4 n/a; or "all ok"; or "3 abnormal <what> rest ok". Add "fixed on the spot" after an item fixed at once (not for ⚠ items). Or send "/check" to answer item by item.
check-round-private = [{ check-freq }] The round of { $unit } for { check-period } has started; you are responsible for item(s) { $numbers }. Please answer in the unit's group by { $deadline } (e.g. "{ $numbers } ok"):
    { $items }
check-remind = [Round not finished] { $unit }'s { check-freq } ({ check-period }) was due by { $deadline }; { $left } of { $count } items are still unanswered. Please answer in this group (e.g. "all ok", or "/check" item by item).
check-escalate = [Round overdue] { $unit }'s { check-freq } ({ check-period }) was due by { $deadline } and is still unfinished after a reminder: { $answered } of { $count } items answered. Please follow up. Completion: /checks

check-no-round = { $unit } has no self-inspection round open now. Rounds are posted on working days as scheduled ("/checkplan" shows when); report a hazard any time with "/report <text>".
check-usage = I could not read these answers. Answer by number ({ $count } items): 1 ok 2 ok 3 abnormal distribution box open 4 n/a; or "all ok"; or send "/check" alone to answer item by item.
check-bad-number = This round has no item { $number } ({ $count } items); nothing was recorded. Check the numbers and send it again.
check-abnormal-note = Item { $number } is abnormal: say what is wrong (e.g. "{ $number } abnormal distribution box open") or attach a photo, and send it again. Nothing was recorded.
check-fix-major = Item { $number } ({ $text }) may be a major hazard when abnormal, so it cannot be closed as fixed on the spot. Send it again without "fixed on the spot": it is filed as a hazard for the safety manager to confirm.
check-fix-not-allowed = Only { $unit }'s { $role } or the item's responsible person may record a fix on the spot. Send it again without "fixed on the spot"; the hazard is filed for the { $role } to confirm.
check-hazard-description = [Self-inspection] { $note ->
        [none] Not as required: { $text }
       *[other] { $note } (check item: { $text })
    }
check-hazard-filed = Item { $n } abnormal: filed as hazard { $number } (source: self-inspection){ $fixed ->
        [yes] , fixed on the spot and closed.
       *[other] , status: to be verified.
    }{ $major ->
        [yes] {" "}⚠ It may be a major hazard: the safety manager should verify it soon (/status { $number }).
       *[other] {""}
    }
check-recorded = Recorded for { $unit }, { check-freq } ({ check-period }): { $ok } OK, { $abnormal } abnormal, { $na } n/a.
check-already = Item { $n } was answered by { $who } at { $when }; this answer was not recorded.
check-missing = { $count } item(s) still unanswered: { $list }.
check-finished = This round is complete. Thank you!
check-complete-before = This round was complete already.
check-dialog-start = Answering the { check-freq } ({ check-period }, { $count } items) item by item. Reply to each: ok / abnormal <what> (a photo may go with it) / n/a; "/cancel" stops (answers so far are kept).
check-ask = Item { $n }/{ $count }: { $text }{ $major ->
        [yes] ⚠
       *[other] {""}
    }
check-nothing-left = Every item of this round has an answer.
check-dialog-over = This round is complete or gone; answering item by item has ended.
check-dialog-usage = Reply "ok", "abnormal <what>" (a photo may go with it) or "n/a"; "/cancel" stops (answers so far are kept).
check-dialog-cancelled = Stopped answering item by item. The answers given so far are recorded; send "/check" to go on, or answer by number.

checks-usage = Usage: /checks [2026-11|2026-Q4|2026] (default: this month).
checks-head = [Self-inspection] { $unit } and the units below, { check-period }:
checks-none = No rounds were posted in this period.
checks-total = In all: { $rounds } rounds, { $completed } complete, completion { $rate }; { $checked } checks, { $abnormal } abnormal, abnormal rate { $abnormalRate }
checks-unit = { $unit }: { $rounds } rounds, { $completed } complete ({ $onTime } on time), completion { $rate }; { $checked } checks, { $abnormal } abnormal, abnormal rate { $abnormalRate }
checks-item = {"   "}· { $text }: answered in { $answered } of { $rounds ->
        [one] 1 round
       *[other] { $rounds } rounds
    }, completion { $rate }; { $checked ->
        [one] 1 check
       *[other] { $checked } checks
    }, { $abnormal } abnormal, abnormal rate { $abnormalRate }
checks-items-hint = (Many units: items not listed. Send "/checks" in a unit's group, or "/checklist export".)

xlsx-none = —
xlsx-yes = yes
xlsx-checklist-sheet = Checklist
xlsx-records-sheet = Records
xlsx-checklist-title = Safety checklist of { $unit }
xlsx-records-title = Self-inspection records of { $unit } ({ check-period })
xlsx-no = No.
xlsx-frequency = Frequency
xlsx-item = Check
xlsx-basis = Basis
xlsx-major = Major-hazard item
xlsx-responsible = Responsible
xlsx-period = Period
xlsx-deadline = Due
xlsx-result = Result
xlsx-note = Note
xlsx-hazard = Hazard no.
xlsx-answered-by = Checked by
xlsx-answered-at = Checked at
xlsx-unanswered = not checked
check-dialog-file = That is a file, no answer to this item and no report owed: reply "ok", "abnormal <what>" (a photo may go with it) or "n/a"; "/cancel" stops (answers so far are kept).
