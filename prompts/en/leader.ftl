## Checks led by the principal (seed 003, item 6) and how periods are written

check-period = { $pkind ->
        [week] week { $pn } of { $pyear }
        [quarter] Q{ $pn } { $pyear }
        [month] { $ptext }
        [year] { $pyear }
       *[other] { $ptext }
    }
check-cadence = { $cadence ->
        [MONTHLY] monthly
       *[QUARTERLY] quarterly
    }
check-lead-post = [Check led by the principal] { $unit } { check-period } (at least { check-cadence }{ $cadence ->
        [MONTHLY] , high-risk industry
       *[other] {""}
    }), { $count } items, due by { $deadline }:
    { $items }
    The principal or the actual controller leads it: answer by number in this group (e.g. "/check leader 1 ok 2 abnormal …"), or the safety officer answers and the principal sends "/checksign".{ $leaders ->
        [none] {"\u000A"}⚠ { $unit } has no principal or actual controller granted, so this round cannot be completed: an admin sends "/grant principal <name>".
       *[other] {""}
    }
check-lead-private = [Check led by the principal] The check of { $unit } for { check-period } (at least { check-cadence }) is posted, { $count } items, due by { $deadline }: lead it and answer by number in the unit's group (e.g. "/check leader all ok"), or have the safety officer answer and send "/checksign" there.
    { $items }
check-lead-remind = [Led check not finished] The check led by the principal of { $unit } ({ check-period }) was due { $deadline }: { $left ->
        [0] every item is answered, but no principal or actual controller has signed it. The principal sends "/checksign" in the unit's group.
       *[other] { $left } of { $count } items are unanswered{ $led ->
            [yes] {""}
           *[other] , and no principal or actual controller has led it
        }. The principal leads it ("/check leader" in the unit's group, item by item).
    }
check-lead-escalate = [Led check overdue] The check led by the principal of { $unit } ({ check-period }) was due { $deadline } and is still not finished after the reminder: { $answered } of { $count } items answered, { $led ->
        [yes] led by { $leader }
       *[other] not led by the principal or the actual controller
    }. Rule: the principal leads a check at least once a quarter (monthly in high-risk industries). See: /checks
check-sign-usage = Usage: send "/checksign" in the unit's group to confirm you led this period's check.
check-sign-no-round = { $unit } has no check led by the principal waiting for a signature. Those rounds are posted by "/checkplan leader <time>" (send "/checkplan" to see).
check-sign-not-leader = Only the principal or the actual controller of { $unit } can sign the led check: one the safety officer or anyone else answered is not led by the principal. The principal sends "/checksign" themselves.
check-signed = Recorded: the check of { $unit } for { check-period } was led by { $who }. { $left ->
        [0] The led check is complete.
       *[other] { $left } items are still unanswered: { $list }.
    }
check-signed-already = The led check of { $unit } for { check-period } was signed by { $who } at { $when }; nothing recorded again.
check-led-by = Led by { $who }.
check-lead-needs-sign = Every item is answered, but this is the check led by the principal: it is complete only once the principal or the actual controller sends "/checksign" (answers by the safety officer do not make it led).
checklist-lead-hint = { $count } of them are for the check led by the principal: { $unit } { $cadence ->
        [MONTHLY] is of a high-risk industry ({ $industry }), so at least monthly
       *[QUARTERLY] at least quarterly
    }. Send "/checkplan leader 09:00" to schedule it; the principal is told privately when it is posted.
checks-leader = {"   "}checks led by the principal: { $rounds }, led by the principal or the actual controller: { $led }{ $unledCount ->
        [0] {""}
       *[other] , ⚠ not led: { $unledCount } ({ $unled })
    }
checks-no-leader = ⚠ Enterprises with no check led by the principal in this period ({ $count }): { $list }
checks-no-leader-more = { $list } and { $count } in all

## The self-inspection export: the three lists (checks, hazards found, rectification) and the totals row

xlsx-fix = Rectification
xlsx-rectification = { $status ->
        [CLOSED] closed{ $closed ->
            [none] {""}
           *[other] {" "}({ $closed })
        }
        [RECTIFIED] rectified, awaiting acceptance
        [RECTIFYING] being rectified
        [CONFIRMED] confirmed
        [REPORTED] to be verified
        [REJECTED] rejected
        [DUPLICATE] duplicate
       *[other] withdrawn
    }{ $deadline ->
        [none] {""}
       *[other] , due { $deadline }
    }
xlsx-total = Total
xlsx-total-rounds = { $rounds } rounds
xlsx-total-completed = { $completed } completed
xlsx-total-rate = completion { $rate }
xlsx-total-abnormal = abnormal { $rate }
xlsx-problems-sheet = Hazards found
xlsx-problems-title = Hazards found by { $unit }'s self-inspection ({ check-period })
xlsx-fixes-sheet = Rectification
xlsx-fixes-title = Rectification of { $unit }'s findings ({ check-period })
xlsx-problem = Hazard
xlsx-fix-status = Status
xlsx-fix-deadline = Deadline
xlsx-fix-closed = Closed on
