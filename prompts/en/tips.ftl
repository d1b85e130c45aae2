# Reward tips: every sentence a tipster and a tip handler see.

## Tipsters (private chats only)

tip-in-group = Please do not post tips in a group. Message me privately (tap my name → Message) and send /tip; you may stay anonymous and follow it with a receipt code only. I did not keep this message; if it is still there, please delete it.
tip-in-group-recall = Please do not post tips in a group: recall that message within two minutes (long-press it → Recall). Add me as a friend and send "举报" in a private chat; you may stay anonymous. I did not keep this message.
tip-private-button = Tip me privately (anonymous if you like)
tip-not-ready = No unit has been set up to receive tips yet, so I cannot take one. You can call the work-safety hotline 12350.
tip-intro = Reward tip (anonymous if you like). I keep no account, name or chat of yours; the tip is stored encrypted. Send /cancel at any time to drop it.
tip-ask-kind = What is it about? Reply with a number:
tip-kind-MAJOR_HAZARD = a major accident hazard
tip-kind-ILLEGAL_OPERATION = illegal production, operation or construction
tip-kind-CONCEALED_ACCIDENT = a concealed or falsely reported accident
tip-kind-OTHER = another work-safety problem
tip-kind-unknown = I did not get the kind. Reply with a number:
    { $menu }
tip-ask-where = Which enterprise (or unit)? Where?
tip-ask-what = What did you see, and roughly when? Be as specific as you can (photos welcome).
tip-ask-photo = { $photos ->
    [0] If you have photos, send them now; otherwise reply "skip".
   *[other] Got { $photos } photo(s). Send more, or reply "done".
}
tip-photo-kept = Photo or file kept ({ $photos } so far). Send more, or reply "done".
tip-ask-identity = Last step: reply "anonymous" (the default), or "named <your name> <phone>". Cash rewards are paid in person against an ID card; an anonymous tipster can claim one with the receipt code too.
tip-identity-usage = Reply "anonymous", or "named <name> <phone>", e.g. named Zhang San 13800000000
tip-filed = Your tip is filed as { $number }.
    Your receipt code (shown only here; the bot does not keep it):
    { $code }
    Write it down or take a screenshot. With it you follow the tip, answer questions and claim a reward: /tip status <code>.
    When it is saved, reply "saved" and the code is removed from this conversation.
tip-filed-named = Your named tip is filed as { $number }. Your name and phone are stored encrypted; only the receiving unit's tip handlers can see them.
    Your receipt code (shown only here):
    { $code }
    Write it down or take a screenshot. With it you follow the tip, answer questions and claim a reward: /tip status <code>.
    When it is saved, reply "saved".
tip-code-again = Your receipt code (tip { $number }):
    { $code }
    Reply "saved" once you have it; after that the bot cannot show it again.
tip-code-gone = Done: the receipt code is removed from this conversation and the bot cannot recover it. Keep it safe. Send /tip status <code> to follow tip { $number }.
tip-dialog-expired = Your unfinished tip timed out and was discarded (with any code not yet saved). Send /tip to start again.
tip-cancelled = Cancelled; nothing of this tip was kept.
tip-code-typo = That receipt code has a typo: it is 28 digits, spaces or dashes allowed. Please check it and send it again (this does not count as a failed try).
tip-code-unknown = No tip has this receipt code. Please check it and send it again; a tip closed longer than the retention period is deleted and cannot be found either. After several wrong codes I pause look-ups for an hour.
tip-code-throttled = Too many wrong receipt codes. Please try again in an hour.
tip-status-usage = Usage: /tip status <receipt code>, e.g. /tip status 1234 5678 9012 3456 7890 1234 5678
tip-reply-usage = Usage: /tip reply <receipt code> <text> (photos welcome)
tip-claim-usage = Usage: /tip claim <receipt code>
tip-named-usage = Usage: /tip named <receipt code> <name> <phone>
tip-anon-usage = Usage: /tip anon <receipt code>
tip-notify-usage = Usage: /tip notify <receipt code> on|off
tip-closed = Tip { $number } is closed and cannot be changed (a substantiated one can still have its reward claimed). If there is something new, send /tip to make a new tip.
tip-reply-saved = Your addition is stored encrypted; the tip handlers will see it (tip { $number }).
tip-claim-not-yet = Tip { $number } is still being investigated; a reward can be claimed once it is substantiated.
tip-claim-unsubstantiated = Tip { $number } was found unsubstantiated, so it earns no reward.
tip-claim-paid = The reward for tip { $number } has been paid already.
tip-claim-anonymous = Your claim for tip { $number } is recorded. { $amount ->
    [none] Check the amount with your receipt code once it is set.
   *[other] The reward is { $amount } yuan.
}
    To collect: bring your ID card, a bank card and this receipt code to "{ $unit }" in person. By the rules a cash reward is paid to the person; the identity check happens there and never enters this bot.
tip-claim-named = Your claim for tip { $number } is recorded. { $amount ->
    [none] Check the amount with your receipt code once it is set.
   *[other] The reward is { $amount } yuan.
}
    To collect: bring your ID card, a bank card and this receipt code to "{ $unit }" in person.
tip-named-done = Tip { $number } is now named; your name and phone are stored encrypted. Send /tip anon <code> at any time to delete them.
tip-anon-done = Tip { $number } is anonymous again; your name and phone are deleted.
tip-notify-on = Notices are on for tip { $number }: when there is news I will tell you here (only that there is news, never what).
    Mind the risk: this needs the address of this chat, stored encrypted; whoever holds the server key could use it to find you. It is deleted when the tip is closed; send /tip notify <code> off at any time.
tip-notify-off = Notices are off for tip { $number }; the address of this chat is deleted.
tip-notice = There is news on your tip { $number }. Send /tip status <receipt code> to read it.

## Tipsters: the status

tip-status-head = Tip { $number } ({ $kind })
    Status: { $status }{ $finding ->
        [yes] {" "}(substantiated)
        [no] {" "}(unsubstantiated)
       *[none] {""}
    }, received { $received }
    Identity: { $named ->
        [yes] named
       *[no] anonymous
    }; notices: { $notices ->
        [yes] on
       *[no] off
    }
tip-status-NEW = received
tip-status-INVESTIGATING = under investigation
tip-status-SUBSTANTIATED = substantiated
tip-status-UNSUBSTANTIATED = unsubstantiated
tip-status-CLOSED = closed
tip-reward-NONE = Reward: not claimed
tip-reward-CLAIMED = Reward: claimed, amount not set yet
tip-reward-APPROVED = Reward: { $amount } yuan approved, to be collected
tip-reward-PAID = Reward: { $amount } yuan paid
tip-thread = History:
tip-actor-tipster = the tipster
tip-actor-you = you
tip-actor-handler = the receiving unit
tip-event-RECEIVED = · { $on } tip received
tip-event-OPENED = · { $on } { $who } started the investigation
tip-event-QUESTION = · { $on } { $who } asked: { $text }
tip-event-FEEDBACK = · { $on } { $who } answered: { $text }
tip-event-REPLY = · { $on } { $who } added: { $text }{ $photos ->
    [0] {""}
   *[other] {" "}({ $photos } photo(s))
}
tip-event-FINDING = · { $on } { $who } found it { $detail ->
    [SUBSTANTIATED] substantiated
   *[other] unsubstantiated
}{ $note ->
    [none] {""}
   *[other] {" "}({ $note })
}
tip-event-EXTENDED = · { $on } { $who } extended the investigation by 30 days
tip-event-HAZARD = · { $on } { $who } filed it as hazard { $detail }
tip-event-FINE = · { $on } { $who } recorded a fine of { $amount } yuan
tip-event-ACCIDENT = · { $on } { $who } recorded the accident: { $detail ->
    [GENERAL] ordinary
    [LARGER] larger
    [MAJOR] major
   *[other] especially major
}, { $amount } concealed death(s)
tip-event-SAME_AS = · { $on } { $who } found it the same facts as { $detail }
tip-event-CLAIMED = · { $on } { $who } claimed the reward
tip-event-REWARD_APPROVED = · { $on } { $who } approved a reward of { $amount } yuan
tip-event-PAID = · { $on } { $who } paid the reward of { $amount } yuan
tip-event-NAMED = · { $on } { $who } made the tip named
tip-event-ANONYMOUS = · { $on } { $who } made the tip anonymous
tip-event-CLOSED = · { $on } { $who } closed the tip
tip-status-answer-hint = The receiving unit asked you a question. To answer: /tip reply <code> <text>
tip-status-claim-hint = Your tip was substantiated. To claim the reward: /tip claim <code>

## Tip handlers (private chats only)

role-tip_handler = a tip handler
tip-handler-private-only = Tips are confidential and handled only in a private chat with me. Send this command to me privately.
tip-handler-none = You are not a tip handler. Only people granted "tip-handler" can see tips; ask your unit's admin: /grant tip-handler <name>
tip-unknown = There is no tip { $number } in the units you handle. Send /tips to see them.
tip-changed = Tip { $number } was just changed by another handler. Send /tip show { $number } to see where it stands, then try again.
tips-head = { $count } tip(s) ({ $fresh } new, { $overdue } overdue, { $unread } with news from the tipster):
tips-none = No open tips. Send /tips all to see the closed ones too.
tips-purged = Deleted after the retention period, counts kept: { $list }
tips-purged-item = { $outcome ->
    [SUBSTANTIATED] substantiated
    [UNSUBSTANTIATED] unsubstantiated
   *[other] not investigated
} { $count }
tips-hint = Open: /tip show <no>; ask: /tip ask <no> <question>; finding: /tip verify <no> yes|no <note>
tip-line = { $number } · { $kind } · { $status } · received { $received } · { $unit }{ $late ->
    [investigation] {" "}· ⚠ investigation overdue
    [feedback] {" "}· ⚠ feedback overdue
   *[none] {""}
}{ $unread ->
    [yes] {" "}· news from the tipster
   *[no] {""}
}{ $claimed ->
    [yes] {" "}· reward claimed
   *[no] {""}
}
tip-detail-head = Tip { $number } ({ $kind }), received by { $unit }
    Status: { $status }, received { $received }, investigate by { $investigateBy }{ $extended ->
        [yes] {" "}(extended)
       *[no] {""}
    }{ $feedbackBy ->
        [none] {""}
       *[other] , feedback by { $feedbackBy }{ $feedbackOn ->
            [none] {" "}(not yet given)
           *[other] {" "}(given { $feedbackOn })
        }
    }
tip-detail-where = Enterprise and place: { $where }
tip-detail-what = What was seen: { $what }{ $photos ->
    [0] {""}
   *[other] {" "}({ $photos } photo(s))
}
tip-detail-named = Tipster: named, { $name }, { $phone } (for verification and the reward only; never disclose)
tip-detail-anonymous = Tipster: anonymous
tip-detail-facts = Fine: { $fine ->
    [none] not recorded
   *[other] { $fine } yuan
}; accident: { $grade ->
    [none] not recorded
   *[other] { $grade }, { $deaths } concealed death(s)
}; same facts as: { $sameAs ->
    [none] none
   *[other] { $sameAs }
}
accident-grade-GENERAL = ordinary accident
accident-grade-LARGER = larger accident
accident-grade-MAJOR = major accident
accident-grade-ESPECIALLY_MAJOR = especially major accident
tip-show-usage = Usage: /tip show <number>, e.g. /tip show JB-2026-000001
tip-ask-usage = Usage: /tip ask <number> <question>. The tipster sees it when they check the tip.
tip-feedback-usage = Usage: /tip feedback <number> <answer> (after the finding, within the feedback period)
tip-verify-usage = Usage: /tip verify <number> yes|no [note]
tip-extend-usage = Usage: /tip extend <number> (adds 30 days to the investigation, once)
tip-hazard-usage = Usage: /tip hazard <number> <unit> [general|major] [deadline] <description> (in your own words, not the tip's, so the tipster is not given away; without a level, the tip's kind decides). E.g. /tip hazard JB-2026-000001 城关化工厂 major 2026-12-31 no gas alarm at the ammonia store
tip-fine-usage = Usage: /tip fine <number> <amount>, e.g. /tip fine JB-2026-000001 50000
tip-accident-usage = Usage: /tip accident <number> <grade> <concealed deaths>, grade general|larger|major|especially-major, e.g. /tip accident JB-2026-000001 larger 2
tip-same-usage = Usage: /tip same <number> <other number> (both tips are on the same facts; only the first is rewarded)
tip-reward-usage = Usage: /tip reward <number>
tip-approve-usage = Usage: /tip approve <number>
tip-paid-usage = Usage: /tip paid <number>
tip-close-usage = Usage: /tip close <number>
tip-closed-handler = Tip { $number } is closed and cannot be changed. Its reward can still be approved and paid (/tip approve, /tip paid); anything new from the tipster comes as a new tip.
tip-feedback-before-finding = Tip { $number } has no finding yet. Send /tip verify { $number } yes|no first; to ask the tipster something meanwhile, use /tip ask.
tip-asked = Your question is with the tipster (tip { $number }). { $notified ->
    [yes] They turned notices on and were told to look.
   *[no] They will see it when they check the tip.
}
tip-feedback-sent = Your answer is with the tipster (tip { $number }). { $notified ->
    [yes] They turned notices on and were told to look.
   *[no] They will see it when they check the tip.
}
tip-verify-done = Tip { $number } already has a finding ({ $status }); it cannot be changed. To tell the tipster something new, use /tip feedback { $number } <text>.
tip-verified-yes = Recorded: tip { $number } is substantiated. Answer the tipster by { $feedbackBy } (/tip feedback { $number } <text>); then /tip hazard, /tip fine, /tip reward as needed.
tip-verified-no = Recorded: tip { $number } is unsubstantiated. Answer the tipster by { $feedbackBy } (/tip feedback { $number } <text>).
tip-extend-late = Tip { $number } has a finding already; no extension needed.
tip-extend-once = Tip { $number } was extended once already; investigate by { $by }.
tip-extended = Tip { $number }: investigate by { $by } now.
tip-hazard-not-substantiated = Tip { $number } is not substantiated, so it cannot become a hazard. Once it is, send /tip verify { $number } yes, then this again.
tip-hazard-done = Tip { $number } is a hazard already (its number is in /tip show { $number }); follow it as a hazard.
tip-hazard-unit = "{ $unit }" is not under "{ $tipUnit }", which received the tip, so the hazard cannot be filed there.
tip-hazard-filed = Hazard { $hazard } assigned to "{ $unit }" ({ $level }, deadline { $deadline }): the unit sees it as assigned by the regulator, never as a tip, and cannot lower or reject it. Tip { $number } is linked.
tip-fine-recorded = Recorded a fine of { $amount } yuan for tip { $number }. Send /tip reward { $number } to see the reward.
tip-accident-recorded = Recorded for tip { $number }: { $grade }, { $deaths } concealed death(s).
tip-same-recorded = Recorded: tip { $number } is on the same facts as { $other }; only the first is rewarded.
tip-reward-for = The reward for tip { $number }:
tip-reward-result = { $amount } yuan:
reward-step-not-substantiated = not substantiated: no reward
reward-step-not-first = an earlier tip covers the same facts; by the rules only the first tipster is rewarded
reward-step-none = this kind of tip earns no reward under the current rules
reward-step-fixed = this kind of tip earns a fixed { $amount } yuan
reward-step-no-fine = no fine: the minimum, { $min } yuan
reward-step-share = fine { $fine } yuan × { $pct }% = { $raw } yuan
reward-step-min = below the minimum: { $min } yuan
reward-step-max = above the maximum: { $max } yuan
reward-step-need-accident = the accident's grade and concealed deaths are not recorded yet (/tip accident <no> <grade> <deaths>)
reward-step-per-death = { $grade }, { $deaths } concealed death(s) × { $per } yuan = { $raw } yuan
tip-approve-done = The reward for tip { $number } is set at { $amount } yuan already.
tip-approve-zero = Tip { $number } earns no reward under the rules, so there is nothing to approve:
    { $why }
tip-approved = Approved a reward of { $amount } yuan for tip { $number }. Once paid, send /tip paid <number>.
tip-paid-not-approved = The reward for tip { $number } is not approved yet. Send /tip approve { $number } first.
tip-paid-done = Recorded: the reward of { $amount } yuan for tip { $number } is paid.
tip-close-no-finding = Tip { $number } has no finding yet, so it cannot be closed. Send /tip verify { $number } yes|no <note> first.
tip-close-no-feedback = The tipster of { $number } has had no answer yet. Send /tip feedback { $number } <text> first.
tip-close-unpaid = The approved reward of { $amount } yuan for tip { $number } is not paid yet; close it once paid.
tip-closed-done = Tip { $number } is closed. The chat address the tipster left for notices is deleted; the tip itself is deleted after { $days } days, keeping only counts.

tip-photo-caption = Tip { $number }, photo { $n } of { $of }
tip-approve-stale = The fine, accident or finding of tip { $number } was just changed by another handler, so { $amount } yuan, computed on the old facts, was not approved. Send /tip reward { $number } to see the new amount, then /tip approve { $number } to approve it.
tip-reapprove-hint = The reward was approved at { $amount } yuan on the earlier facts. To approve it on the new ones, send /tip approve { $number }.
tip-facts-paid = The reward of { $amount } yuan for tip { $number } is paid; its facts and amount cannot change now.
tip-close-claimed = The tipster claimed the reward of tip { $number }. Approve it (/tip approve { $number }) and pay it before closing.

## Daily tip digest (to tip handlers)

tip-digest-head = Tips ({ $date }):
tip-digest-new = · { $count } new: { $list }
tip-digest-unread = · news from the tipster: { $list }
tip-digest-investigation = · investigation overdue (60 days, 90 if extended): { $list }
tip-digest-feedback = · feedback overdue (no answer within { $days } days of the finding): { $list }
tip-digest-hint = Send /tips in a private chat to see them.

## Granting tip handlers: never to oneself, and every grant and revocation is told
tip-grant-self = You cannot make yourself a tip handler: the role reads tips, so another admin must grant it. Please ask an admin of the unit above, or another admin of this unit.
tip-handler-granted-notice = [Tip handlers] { $actor } made { $who } a tip handler for “{ $unit }”. If that is not as agreed, ask an admin of the unit above to revoke it (/revoke tiphandler { $who } { $unit }).
tip-handler-revoked-notice = [Tip handlers] { $actor } revoked { $who }'s tip-handler role for “{ $unit }”.
tip-handlers-usage = Usage: /tip handlers
tip-handlers-not-allowed = Only admins and tip handlers may see the list of tip handlers. Please ask an admin of your unit.
tip-handlers-none = Your units, and those above and below them, have no tip handler. An admin can grant one with /grant tiphandler <name> <unit> (never to themselves).
tip-handlers-head = { $count } tip handler(s):
tip-handlers-line = · { $who } — { $unit }
tip-hazard-deadline = Please give a deadline: that unit has no default for a { $level }. E.g. /tip hazard { $number } <unit> major 2026-12-31 <description>
tip-kind-usage = Usage: /tip kind <number> <kind> <reason>, e.g. /tip kind JB-2026-000001 2 found to be unlicensed operation, not a major hazard (kinds: 1 major hazard 2 illegal operation 3 concealed accident 4 other)
tip-kind-same = Tip { $number } already is of kind "{ $kind }".
tip-kind-done = Tip { $number } corrected from "{ $from }" to "{ $kind }"; the reason is in its record. The reward follows the corrected kind and the level found (/tip reward { $number }).
tip-event-KIND = · { $on } { $who } corrected the kind to { $detail }: { $note }
reward-step-found-general = found to be a general hazard, not a major one: counted as "other"
tip-handler-removed-notice = [Tip handlers] Your tip-handler role on "{ $unit }" was removed: tips are received by the regulator above the unit they name, and enterprises no longer have tip handlers.{ $regulator ->
        [none] {""}
       *[other] { " " }Tips about this unit go to "{ $regulator }".
    } The tips it had received were moved to the regulator.
tip-handler-removed-regulator = [Tip handlers] { $who }'s tip-handler role on "{ $unit }" was removed: enterprises no longer have tip handlers, so its tips are received here, and those it had were moved here. Check that this office has tip handlers (/tip handlers list).
tip-hazard-level-from-kind = No level given: the tip's kind, "{ $kind }", makes it a { $level }.
tip-unreadable = I received { $kind ->
        [voice] a voice note
        [video] a video
        [sticker] a sticker
        [location] a location
       *[other] a message I cannot read
    }, but cannot read its content, so nothing of it went into the tip. Please answer the question above in words (or with a photo), or send /cancel.
