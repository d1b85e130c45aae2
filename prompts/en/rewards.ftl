# Report rewards: the rules, the ledger, payouts, the honour roll.

reward-earned = { $reporter }: your hazard { $number } was confirmed: it earns { $amount } yuan and { $points } { $points ->
    [one] point
   *[other] points
} ({ $why }). Send /myrewards to see yours.
reward-duplicate = Hazard { $number } duplicates { $original ->
        [other] a hazard another unit had filed
       *[number] { $original }
    }, and by the rules a duplicate earns nothing. Thank you for looking out!
reward-first = Someone reported your hazard { $number } again: as its first reporter you get a bonus of { $amount } yuan ({ $why }).
earn-step-level = { $level }: { $amount } yuan, { $points } { $points ->
    [one] point
   *[other] points
}
earn-step-first = first-reporter bonus { $amount } yuan
earn-step-cap = { $earned } yuan earned this month against a cap of { $cap }: this one counts { $amount } yuan
rewardrules-show = [{ $unit }] report rewards{ $own ->
    [yes] {""}
   *[no] {" "}(those of a unit above, or the defaults)
}:
    general hazard { $general } yuan, { $pointsGeneral } { $pointsGeneral ->
    [one] point
   *[other] points
}; major hazard { $major } yuan, { $pointsMajor } { $pointsMajor ->
    [one] point
   *[other] points
}; first-reporter bonus { $first } yuan
    monthly cap per person: { $cap ->
        [none] none
       *[other] { $cap } yuan
    }; reporters are told { $notify ->
        [private] privately
       *[group] in the group
    }
    Change: /rewardrules set general=50 major=1000 first=20 cap=500|none points-general=1 points-major=10 notify=group|private
rewardrules-usage = Usage: /rewardrules (show); /rewardrules set general=50 major=1000 first=20 cap=500|none points-general=1 points-major=10 notify=group|private (in your unit's group)
rewardrules-unknown = I do not know "{ $word }" or its value. You can set: general, major, first, cap (yuan or none), points-general, points-major, notify (group/private).
rewardrules-changed = Changed the report rewards of "{ $unit }" (the change is recorded). Hazards confirmed from now on earn by the new rules:
myrewards-none = You have no report rewards yet. Report hazards in your unit's group; confirmed ones earn a reward.
myrewards-head = Your rewards: { $earned } yuan in all ({ $approved } approved, { $paid } paid), { $points } { $points ->
    [one] point
   *[other] points
}
myrewards-line = · { $number } { $kind ->
    [FIRST] first-reporter bonus
    [CORRECTION] correction
   *[EARN] report reward
} { $amount } yuan, { $points } { $points ->
    [one] point
   *[other] points
} ({ $month }, { $state ->
    [paid] paid
    [approved] approved
   *[earned] awaiting approval
})
payouts-usage = Usage: /payouts [2026-11] (show); /payouts [2026-11] approve; /payouts [2026-11] paid; /payouts correct <number> <amount> <why>
payouts-none = No report rewards in { $month }.
payouts-head = Report rewards, { $month }: { $earned } yuan in all, { $approved } approved, { $paid } paid
payouts-line = · { $name }: { $earned } yuan ({ $approved } approved, { $paid } paid)
payouts-hint = Approve: /payouts { $month } approve; once paid: /payouts { $month } paid. The ledger is only ever added to.
payouts-approved = Approved { $count } reward(s) of { $month }. Once paid, send /payouts { $month } paid.
payouts-paid = Recorded { $count } reward(s) of { $month } as paid.
honor-usage = Usage: /honor [2026-11]; to appear masked: /honor hide (back: /honor show)
honor-unknown = Send me any message first (in a group or here), then set this.
honor-hidden = Done: the honour roll shows your name masked.
honor-shown = Done: the honour roll shows your name.
honor-none = No confirmed hazard reports in "{ $unit }" in { $month } yet.
honor-head = 🏅 [{ $unit }] safety stars of { $month } (confirmed hazard reports):
honor-line = { $rank }. { $name } — { $major } major, { $general } general
payouts-correct-usage = Usage: /payouts correct <hazard number> <amount> <why>; the amount may be negative, e.g. /payouts correct YH-2026-000012 -20 bonus counted twice
payouts-correct-none = Hazard { $number } has no reward recorded: nothing to correct.
payouts-corrected = Correction recorded: hazard { $number } ({ $name }) { $amount } yuan, booked in { $month }, because: { $why }. The entry it corrects is unchanged.
payouts-correct-own = You cannot correct your own reward (hazard { $number }). Ask another official of your unit.
payouts-correct-below-zero = The reward for hazard { $number } is { $total } yuan; a correction cannot take it below 0.
honor-in-group = The honour roll is shown in your unit's group: send /honor there.
rewardrules-negative = “{ $word }” cannot be negative ({ $value }): amounts and points start at 0. To reward less, set a smaller number, or 0.
rewardrules-too-large = The value { $value } of “{ $word }” is too large: at most { $max }. Please check it and set it again.
