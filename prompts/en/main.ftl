# Sentinel — English prompts. Every sentence the bot says is here; Chinese is in prompts/zh-CN/.
# Optional values arrive as "none" when absent and are handled with select expressions.

## General

error-internal = Sorry, something went wrong with this message and nothing was saved. Please send it again in a moment; if it keeps failing, tell an admin.
input-bad-id = The sender or chat id of this message holds characters that cannot be stored (such as a NUL), so the bot cannot handle it. Please send it from an ordinary account or chat.
amount-too-large = The amount { $amount } is too large: at most { $max } yuan. Please check it and send it again.
unknown-command = There is no such command. Send /help to see what I can do.
hint-private = Hello, I am Sentinel. Hazards are reported in your unit's group (send "/report what you saw" there). Send /help for all commands.
dialog-expired = Your unfinished report timed out and was discarded. Send /report to start again.
dialog-outdated = The bot was updated and your unfinished report cannot continue. Send /report to start again.
refuse-too-long = That is too long: at most { $limit } characters. Please shorten it and send it again.
refuse-group-only = This command works only in a group bound to a unit.
refuse-unbound = This group is not bound to a unit yet, so hazards cannot be reported here. An admin can bind it with /bind <unit name>.
refuse-role = You are not { $role } of "{ $unit }", so you cannot do this. Ask your unit's admin to grant the role if you need it.
list-separator = {", "}
role-worker = a worker
role-official = an official
role-official-regulator = an inspector (监管人员)
role-official-enterprise = a safety manager (安全管理员)
role-principal = the principal (主要负责人)
role-controller = the actual controller (实际控制人)
role-congress = the workers' congress contact (职代会联系人)
unit-kind-REGULATOR = regulator
unit-kind-ENTERPRISE = enterprise
unit-kind-DEPARTMENT = department
role-admin = an admin

## First admin, units, bindings, roles

refuse-claim-in-group = Claim admin in a private chat with the bot (/claim <code>); never post the code in a group.
refuse-claim-none = There is an admin already, so there is nothing to claim. Ask an existing admin for a role.
refuse-claim-wrong = That code is wrong. Check the one-time code printed in the terminal at start (case and dashes do not matter).
claim-done = You are now an admin. Next: create a unit with /unit add <name>.
usage-unit-add = Usage: /unit add <name> [parent unit] [regulator|enterprise|department], e.g. /unit add ChemPlant CountyOffice enterprise
refuse-unit-unknown = There is no unit "{ $unit }". Send /units to list the units.
refuse-unit-root = Only a system admin can create a top-level unit. Name a parent: /unit add <name> <parent>
refuse-unit-exists = A unit "{ $unit }" exists already; choose another name.
unit-added = Unit "{ $unit }" created ({ $kind }). Bind a group to it by sending /bind { $unit } in that group. Wrong kind? /unit kind { $unit } regulator|enterprise|department
unit-added-under = Unit "{ $unit }" created under "{ $parent }" ({ $kind }). Send /bind { $unit } in its group. Wrong kind? /unit kind { $unit } regulator|enterprise|department
usage-unit-kind = Usage: /unit kind <unit> regulator|enterprise|department, e.g. /unit kind ChemPlant enterprise
unit-kind-done = "{ $unit }" is now a { $kind }.
usage-unit-industry = Usage: /unit industry <unit> <industry> (e.g. hazardous-chemicals, construction, manufacturing; "none" clears it), e.g. /unit industry ChemPlant hazardous-chemicals. Units below without their own share it.
unit-industry-done = "{ $unit }" is now in the industry "{ $industry }" (the ledger's industry column).
unit-industry-cleared = "{ $unit }" has no industry now.
refuse-unit-kind-parent = A { $kind } cannot sit { $parent ->
        [none] at the top
       *[other] under "{ $parent }" (a { $parentKind })
    }: regulators sit under regulators, enterprises under a regulator or at the top, departments under an enterprise. Choose another kind or parent.
units-none = There are no units yet. Create one with /unit add <name>.
units-list = Units:
    { $list }
refuse-bind-private = Binding happens in a group: add the bot to the unit's group and send /bind <unit name> there.
usage-bind = Usage: /bind <unit name>, e.g. /bind ChemPlant
bind-done = This group is now bound to "{ $unit }". Members can report hazards with /report <what you saw>.
bind-moved = This group moved from "{ $old }" to "{ $unit }".
unbind-done = This group is no longer bound to "{ $unit }" and takes no more hazard reports.
usage-grant = Usage: /grant <role> <person> [unit]. A regulator's role: regulator (监管人员); an enterprise's: principal (主要负责人), safety-manager (安全管理员); anywhere: worker, admin, tip-handler. E.g. /grant safety-manager Li ChemPlant (or reply to their message)
usage-revoke = Usage: /revoke <role> <person> [unit], e.g. /revoke safety-manager Li
refuse-role-regulator-word = "{ $word }" is a regulator's role, and "{ $unit }" is a { $kind }. In an enterprise grant principal, controller, congress or safety-manager; if "{ $unit }" is in fact a regulator, an admin of the unit above sends: /unitkind { $unit } regulator
refuse-role-enterprise-word = "{ $word }" is an enterprise's role, and "{ $unit }" is a regulator. In a regulator grant regulator (an inspector); if "{ $unit }" is in fact an enterprise, an admin of the unit above sends: /unitkind { $unit } enterprise
refuse-person-unknown = I do not know "{ $who }" yet. Ask them to send me any message first (e.g. /whoami), here or in private, then grant again.
refuse-person-ambiguous = Several people are called "{ $who }" (ids { $ids }). Grant by id instead.
refuse-grant-unit = Name the unit: grant in a bound group, or put the unit name at the end.
grant-done = { $who } is now { $role } of "{ $unit }" (and the units below it).
grant-already = { $who } is already { $role } of "{ $unit }".
revoke-done = { $who } is no longer { $role } of "{ $unit }".
revoke-none = { $who } is not { $role } of "{ $unit }"; nothing to revoke.
whoami = { $name } ({ $platform }:{ $id })
    { $roles }
whoami-role = · { $unit }: { $role }
whoami-superadmin = · system admin
whoami-member = · this group's unit: { $unit }
whoami-no-roles = · no roles yet
usage-lang = Usage: /lang zh or /lang en
lang-done = OK, I will answer you in English from now on.
lang-done-group = OK, I will answer you in English in our private chat. This group keeps its own language (an admin sets it with /group lang zh|en).
usage-group-lang = Usage: /group lang zh or /group lang en (an admin of the unit, in its group)
group-lang-done = OK, this group is answered in English from now on.

## Reporting hazards

report-filed = Hazard { $number } filed ({ $unit }), status: awaiting verification.{ $photos ->
        [0] {""}
        [one] {" "}1 photo.
       *[other] {" "}{ $photos } photos.
    }
    { $role } will verify it and I will tell you here. Follow it with /status { $number }; filed by mistake? /withdraw { $number }
report-suggest-major = ⚠ The description matches a case of the major-hazard criteria: { $indicators }. Consider verifying it as major (the safety manager decides); unconfirmed after 24 hours, it is reported up to the regulator above and the enterprise's workers' congress and principal, as dual reporting requires.
report-fixed-on-spot = Hazard { $number } filed ({ $unit }) as general and fixed on the spot; it is closed.
report-indicator = { $name } ({ $standard })
report-ask-what = Please describe the hazard: what did you see? (send /cancel to give up)
report-ask-where = Where is it? (e.g. workshop 2, east distribution box; reply "skip" if unsure)
report-ask-photo = Send a photo now if you have one; otherwise reply "done".
report-photo-kept = Photo or file received ({ $photos } in all). Please answer the question above in words.
refuse-report-empty = A report cannot be empty. Say what you saw, e.g. /report Distribution box open in workshop 2, bare wires
cancel-done = Cancelled; nothing was filed.
cancel-nothing = There is nothing in progress to cancel.

## Hazard numbers and states

refuse-number-format = "{ $input }" is not a hazard number. Numbers look like YH-2026-000123 (or just 123).
refuse-number-unknown = There is no hazard { $number }, or you may not see it. Check the number; /mine lists your own reports.
hazard-line = { $number } [{ $status }{ $level ->
        [none] {""}
       *[other] · { $level }
    }] { $unit }: { $text }{ $deadline ->
        [none] {""}
       *[other]  (due { $deadline })
    }
status-REPORTED = awaiting verification
status-CONFIRMED = confirmed
status-RECTIFYING = being rectified
status-RECTIFIED = rectified, awaiting acceptance
status-CLOSED = closed
status-REJECTED = rejected
status-DUPLICATE = duplicate
status-WITHDRAWN = withdrawn
level-GENERAL = general hazard
level-MAJOR = major hazard
level-none = not graded
action-confirm = confirm
action-reject = reject
action-plan = plan
action-rectified = mark rectified
action-close = close
action-supervise = supervise
action-unsupervise = unsupervise
action-duplicate = mark as duplicate
action-withdraw = withdraw
action-fix = fix on the spot
action-apply = apply for close-out
action-return = send back
refuse-transition = Hazard { $number } is { $status }, so you cannot { $action } it. Possible now: { $next }.
refuse-transition-final = Hazard { $number } is { $status }; its lifecycle has ended, so you cannot { $action } it.
refuse-concurrent = Someone else just changed hazard { $number }, so your action was not applied. Check /status { $number } and try again.
notify-reporter = Your hazard report { $number } { $action ->
        [confirm] was confirmed
        [plan] has a rectification plan and is being fixed
        [rectified] was rectified and awaits acceptance
        [close] was accepted and closed. Thank you for reporting!
        [reject] was not accepted
        [duplicate] is a duplicate
        [withdraw] was withdrawn
        [fix] was confirmed as general, fixed on the spot and closed. Thank you for reporting!
        [apply] was submitted for close-out and awaits the regulator's acceptance
        [return] did not pass acceptance and is back in rectification
        [supervise] was listed for supervision
        [unsupervise] was removed from supervision
       *[other] changed
    } ({ $who }).{ $note ->
        [none] {""}
       *[other] {" "}Note: { $note }
    }

## Officials

refuse-date-format = "{ $input }" is not a valid date. Write it as 2026-12-31.
refuse-no-such-date = There is no such date as “{ $input }” (February has no 30th, for one). Please check the date and send it again.
refuse-date-past = The date { $date } has passed (today is { $today }). Give today or a later date.
usage-confirm = Usage: /confirm <number> general|major [deadline], e.g. /confirm YH-2026-000123 major 2026-12-31
confirmed = Hazard { $number } confirmed as { $level }, deadline { $deadline }. Next: /plan { $number } responsible: … measures: … funds: … deadline: … contingency: …
confirmed-major = Hazard { $number } confirmed as { $level }, deadline { $deadline }. A major hazard needs a five-part plan: /plan { $number } responsible: … measures: … funds: … deadline: … contingency: …; the regulator above decides on supervision, and reviews its close-out.
usage-reject = Usage: /reject <number> <reason>; for a duplicate: /duplicate <number> <original number>
usage-duplicate = Usage: /duplicate <number> <original number>, e.g. /duplicate YH-2026-000124 YH-2026-000123
duplicate-note = { $original ->
        [other] it repeats a hazard already filed by another unit and is handled with it.
       *[number] it repeats { $original } and is handled with it.
    }
duplicated = Hazard { $number } repeats { $original }: marked as a duplicate (not counted); its reporter was told.
usage-withdraw = Usage: /withdraw <number> [reason] (your own report, before it is confirmed)
refuse-withdraw-not-yours = Hazard { $number } is not your report, so you cannot withdraw it. If it is wrong, ask the safety manager to reject it.
refuse-withdraw-late = Hazard { $number } is already "{ $status }" and can no longer be withdrawn. Ask the safety manager if it is wrong.
withdrawn = Hazard { $number } withdrawn: no longer counted or listed (its record is kept).
fixed-on-spot = Hazard { $number } confirmed as general and fixed on the spot; it is closed.
refuse-fix-major = Hazard { $number } is (or the criteria suggest it is) a major hazard: it cannot be closed as fixed on the spot. Confirm it as major and record a five-part plan.
refuse-tip-hazard-reject = Hazard { $number } was assigned by the regulator{ $regulator ->
        [none] {""}
       *[other] { " " }({ $regulator })
    }: only that regulator may find it unfounded or a duplicate. Raise any objection with them.
refuse-duplicate-self = A hazard cannot duplicate itself; give the number of the original.
rejected = Hazard { $number } rejected: { $reason }
usage-plan = Usage: /plan <number> responsible:Zhang measures:install guard rail funds:20000 yuan deadline:2026-12-31 contingency:cordon off the area
refuse-plan-missing = A rectification plan needs all five parts; missing: { $missing }. Format: /plan <number> responsible:… measures:… funds:… deadline:… contingency:…
refuse-plan-empty-part = The plan's { $part } cannot be "{ $value }": name a real { $part }.
refuse-plan-past-supervised = Hazard { $number } is supervised by { $authority } with the deadline { $supervised }; the plan's deadline { $deadline } cannot be later. To extend, ask the supervising regulator (/supervise { $number } <new deadline>).
plan-responsible = responsible
plan-measures = measures
plan-funds = funds
plan-deadline = deadline
plan-contingency = contingency
plan-recorded = Plan recorded for hazard { $number }; rectification under way:
    responsible: { $responsible }; measures: { $measures }; funds: { $funds }; deadline: { $deadline }; contingency: { $contingency }
    When it is fixed: /rectified { $number }
plan-revised = Plan of hazard { $number } revised (the old one stays in the history):
    responsible: { $responsible }; measures: { $measures }; funds: { $funds }; deadline: { $deadline }; contingency: { $contingency }
usage-rectified = Usage: /rectified <number> [note]
rectified = Hazard { $number } rectified, awaiting acceptance. After acceptance: /close { $number }
usage-apply-close = Usage: /apply close <number> [what was done]
refuse-apply-again = Hazard { $number } was already submitted for close-out and awaits { $authority }.
close-applied = Close-out of hazard { $number } requested; { $authority } will review and accept it or send it back.
notice-close-applied = [Close-out requested] Major hazard { $number } of { $unit } was rectified; { $who } asks for acceptance.{ $note ->
        [none] {""}
       *[other] { " " }Note: { $note }.
    } { $authority }: /close { $number } [acceptance note] or /return { $number } <reason>.
refuse-close-not-applied = Hazard { $number } is major and the enterprise has not applied for close-out yet: it first sends /apply close { $number }, then { $regulator } accepts it.
notice-closed = [Closed] Major hazard { $number } of { $unit } was accepted and closed by { $reviewer } ({ $who }).{ $note ->
        [none] {""}
       *[other] { " " }Acceptance note: { $note }
    }
usage-return = Usage: /return <number> <reason>, e.g. /return YH-2026-000123 the railing is too low
returned = Hazard { $number } sent back to rectification.
notice-returned = [Sent back] Major hazard { $number } of { $unit } did not pass acceptance ({ $who }): { $note }. Fix it and apply again.
refuse-regulator-only = For hazard { $number }, "{ $action }" is for the inspectors of the regulator above{ $regulator ->
        [none] {""}
       *[other] { " " }({ $regulator })
    }; the enterprise cannot do it itself. Ask that regulator.
usage-close = Usage: /close <number> [acceptance note] (a major hazard: the enterprise applies, the regulator accepts)
closed = Hazard { $number } accepted and closed.
usage-supervise = Usage: /supervise <number> [authority] <deadline>, e.g. /supervise YH-2026-000123 2026-12-31 (by an inspector of a regulator above; again to move the deadline)
refuse-supervise-general = Hazard { $number } is not a major hazard, so it cannot be listed for supervision. Confirm it as major first if it is one.
supervised = Hazard { $number } listed for supervision by { $authority }, deadline { $deadline }. Once fixed, the enterprise applies for close-out and the supervising regulator accepts it.
supervise-moved = Hazard { $number }: supervision deadline moved to { $deadline } ({ $authority }).
notice-supervised = [Supervised] Major hazard { $number } of { $unit } ({ $text }) is listed for supervision by { $authority }, deadline { $deadline }. Once fixed: /apply close { $number }{ $voided ->
        [yes] { " " }The earlier close-out application is void: apply again to the supervising regulator.
       *[no] {""}
    }
notice-supervise-moved = [Deadline moved] Supervised hazard { $number } of { $unit }: new supervision deadline { $deadline } ({ $authority }).
notice-unsupervised = [Supervision removed] Hazard { $number } of { $unit } was removed from supervision by { $who }.{ $note ->
        [none] {""}
       *[other] { " " }Note: { $note }
    }{ $voided ->
        [yes] { " " }The close-out application made under the listing is void; a major hazard is still reviewed by the regulator above: send /apply close { $number } again.
       *[no] {""}
    }
usage-unsupervise = Usage: /unsupervise <number> [note]
refuse-not-supervised = Hazard { $number } is not listed for supervision; nothing to remove.
unsupervised = Hazard { $number } removed from supervision.

## Queries and statistics

scope-all = all units
list-more = …showing the first { $limit }.
usage-status = Usage: /status <number>, e.g. /status YH-2026-000123
history-line = { $date } { $kind } ({ $who }){ $note ->
        [none] {""}
       *[other] : { $note }
    }
event-REPORTED = reported
event-PHOTOS = photos added
event-CONFIRM = confirmed
event-REJECT = rejected
event-PLAN = plan
event-RECTIFIED = rectified
event-CLOSE = closed
event-SUPERVISE = listed for supervision
event-UNSUPERVISE = removed from supervision
event-DUPLICATE = duplicate
event-WITHDRAW = withdrawn
event-FIX = fixed on the spot and closed
event-APPLY = close-out requested
event-RETURN = sent back
event-DUAL_REPORT = dual report
actor-system = Sentinel
actor-tip-desk = from a tip
# Channels (来源渠道): the ledger's column and /status's line.
source-REPORT = Worker's report
source-SELF = Self-inspection
source-INSPECTION = Inspection
source-TIP = Tip
status-head = Hazard { $number } ({ $unit })
status-state = Status: { $status }; level: { $level }
status-suggested = The description matches a major-hazard case; the { $role } has yet to decide.
status-text = What: { $text }
status-location = Where: { $location }
status-photos = Photos with the report: { $photos }
history-photos = ({ $photos } { $photos ->
    [one] photo
   *[other] photos
})
status-deadline = Deadline: { $deadline }
status-overdue = Overdue (today is { $today })
status-responsible = Responsible: { $responsible }
status-supervised = Supervised by { $authority }, deadline { $deadline }
status-close-applied = Close-out requested; awaiting { $authority }
status-dual-reported = Reported up ({ $date }){ $record ->
        [none] {""}
       *[other] : { $record }
    }
status-source = Channel: { $source }
status-fixed-on-spot = Fixed on the spot and closed
status-duplicate-of = Duplicate of { $original }
status-history = History:
mine-header = Your reports (latest { $count }):
mine-none = You have not reported any hazard yet. Send /report <what you saw> in your unit's group.
overdue-header = Overdue hazards of { $unit } (as of { $today }, { $count }):
overdue-none = { $unit } has no overdue hazards (as of { $today }).
usage-list = Usage: /list [status or level]; statuses: reported, confirmed, rectifying, rectified, closed, rejected, duplicate, withdrawn; levels: general, major
list-all = all
list-header = Hazards of { $unit } ({ $filter }, { $count }):
list-none = { $unit } has no hazards matching "{ $filter }".
refuse-month-format = "{ $input }" is not a month. Write it as 2026-11.
stats = Hazard statistics of { $unit }
    {"["}{ $month }, this month]
    { $month_text }
    {"["}Cumulative{ $since ->
        [none] {""}
       *[other] {" "}since { $since }
    }, to the end of { $month }]
    { $total_text }
stats-block = General: found { $gFound }, rectified { $gRectified }, rate { $gRate }
    Major: found { $mFound }, rectified { $mRectified }, rate { $mRate }
    Total: found { $tFound }, rectified { $tRectified }, rate { $tRate }
    Supervised (closed ones too) { $supervised }; awaiting verification { $pending }; overdue { $overdue }

## Help

start = Hello, I am Sentinel: report safety hazards in your group and follow them until they are fixed and closed.
start-unbound = Hello, I am Sentinel. This group is not bound to a unit yet: an admin can send /bind <unit name>.
help-worker = [Everyone]
    /report <what> [where: …] — report a hazard (or just /report and answer my questions)
    /status <number> — how a hazard stands · /withdraw <number> — take back your own unconfirmed report
    /photos <number> — a hazard's photos (before and after) · a photo captioned /photos <number>, or /photos <number> add then photos — add photos
    /mine — the hazards you reported
    /stats [2026-11] — your unit's counts
    /whoami · /lang zh|en · /cancel · /help
    /web — a one-time sign-in link to the web ledger (private chat; hazards, photos, statistics and downloads in a browser)
    /tip — a reward tip (in a private chat with me, anonymous if you like; follow it with /tip status <receipt code>)
    /myrewards · /honor [month] · /honor hide|show
    Self-inspection: /checklist · /checkplan · answering a round: 1 ok 2 ok 3 abnormal <what> 4 n/a / all ok / /check (item by item)
help-official = [Safety managers · inspectors]
    /confirm <number> general|major [deadline] · /confirm <number> general fixed · /reject <number> <reason> · /duplicate <number> <original>
    /plan <number> responsible:… measures:… funds:… deadline:… contingency:…
    /rectified <number> (with photos of the fixed state; required for a major hazard) · /close <number> · /apply close <number> (a supervised hazard)
    /photorule required|optional — whether your unit's major hazards need a photo when marked rectified (default required)
    Regulators above: /supervise <number> [authority] <deadline> · /unsupervise <number> · /close <number> · /return <number> <reason>
    /overdue · /list [status|level] · /stats [month]
    Reports owed: /submitted monthly|annual|<name> [period] · /deadlines [period] · /deadline add <date> <name> · /deadline remove <name> · /remindme on|off
    The statistics table: /record [month] study=3 contact=… (fines and other enforcement figures are the regulator's to record) · /record problem <aspect> what it looks like; measures and progress · /export [month] · /trend
    The ledger: /ledger [major|all] [2026-10|2026|2026-01-01~2026-06-30] (by the day found; no period: all of it)
    Report rewards: /rewardrules [set general=50 major=1000 …] · /payouts [month] [approve|paid]
    Self-inspection: /checklist templates|adopt <template>|add [frequency] <check> [basis: …]|drop <no>|responsible <no> <name>|export [period] · /checkplan daily|weekly|monthly|quarterly|leader 08:30|off · /checksign (the principal, the actual controller) · /checks [period]
help-admin = [Admins]
    /unit add <name> [parent] [regulator|enterprise|department] · /unit kind <unit> <kind> · /unit industry <unit> <industry> · /units · /bind <unit> · /unbind · /group lang zh|en
    /grant <role> <person> [unit] · /revoke <role> <person> [unit] (a regulator: regulator; an enterprise: principal, safety-manager; also worker, admin, tip-handler)
    /backup (system admins, private chat)
help-tip-handler = [Tip handlers] (private chat)
    /tips [all] · /tip show <no> · /tip ask <no> <question> · /tip verify <no> yes|no [note] · /tip extend <no>
    /tip feedback <no> <text> · /tip hazard <no> <unit> <description> · /tip fine <no> <amount> · /tip accident <no> <grade> <deaths> · /tip same <no> <no>
    /tip reward <no> · /tip approve <no> · /tip paid <no> · /tip close <no>

## Reporting up and chasing deadlines

dual-report = [Major hazard{ $role ->
        [principal] {" "}· to the principal
        [controller] {" "}· to the actual controller
        [congress] {" "}· to the workers' congress
       *[regulator] {""}
    }] Hazard { $number } of { $enterprise } ({ $unit }) { $confirmed ->
        [yes] was confirmed as a major accident hazard
       *[other] matches the major-hazard criteria and is still unconfirmed after 24 hours
    }: { $text }
    Deadline: { $deadline ->
        [none] not set
       *[other] { $deadline }
    }; five-part plan: { $plan ->
        [yes] recorded
       *[other] not yet
    }. Follow it: /status { $number }
chase-T-3 = [Reminder] Hazard { $number } ({ $unit }): { $kind ->
        [sup] supervision deadline
       *[other] rectification deadline
    } { $deadline }, 3 working days left: { $text }.{ $responsible ->
        [none] {""}
       *[other] { " " }Responsible: { $responsible }.
    } Once fixed: /rectified { $number }
chase-T0 = [Due today] Hazard { $number } ({ $unit }): the { $kind ->
        [sup] supervision deadline
       *[other] rectification deadline
    } is today ({ $deadline }): { $text }.{ $responsible ->
        [none] {""}
       *[other] { " " }Responsible: { $responsible }.
    } Once fixed: /rectified { $number }
chase-late = [Overdue] Hazard { $number } of { $unit }: the { $kind ->
        [sup] supervision deadline
       *[other] rectification deadline
    } { $deadline } passed { $days } days ago and it is not fixed: { $text }. Please follow up (/status { $number }).
file-not-sent = (The file “{ $filename }” was not sent: this platform or its server does not take it. Please try again later, or export from the console or another platform.)
limit-reports = You have reported { $limit } hazards within this hour, the limit, so this one was not filed. Please report it next hour; if it is urgent, contact your unit's safety staff directly.
limit-tips = This chat has sent { $limit } tips today, the limit, so this one was not sent. Please send it tomorrow; if it is urgent, call the 12350 hotline.

## Files and photos (evidence)

file-too-large = The file “{ $name }” is over { $max } MB, more than the bot keeps; this message was not handled. Compress or crop it and send it again.
file-type-refused = The file “{ $name }” is not of a kind the bot keeps; this message was not handled. Send photos (JPG, PNG, HEIC, WebP, GIF) or documents (PDF, Word, Excel, WPS, OFD).
file-fetch-failed = The file “{ $name }” could not be downloaded from the platform; this message was not handled. Please send it again in a moment.
rectified-send-photo = Hazard { $number } is major: marking it rectified needs a photo of the fixed state. Send the photos now (several if you like); the first ones mark it rectified. /cancel to give up. (If your unit decides not to require photos, a safety manager sends /photorule optional in its group.)
rectified-photo-wait = Waiting for photos of hazard { $number } as fixed: send them, or /cancel.
rectified-photos = Kept { $photos } photos of the fixed state.
rectified-ask-photo = Send photos of the fixed state as evidence if you can (several if you like); it is not required.
photos-added = Kept { $photos } photos { $stage ->
        [after] of the fixed state
       *[before] of the hazard
    } for { $number }.
photos-send = Send the photos of hazard { $number } (several if you like).
usage-photos = Usage: /photos <number> to get its photos back; to add photos, send them captioned /photos <number>, or send /photos <number> add and then the photos.
refuse-photos-final = Hazard { $number } is { $status }: no more photos can be added.
photos-none = Hazard { $number } has no photos yet. To add some, send them captioned /photos { $number }.
photo-caption = { $number } { $step }: photo { $n } of { $of }
photo-not-kept = (The bot holds only the platform's reference to this photo, not the file, and cannot send it again.)
photos-more = Sent the first { $shown } of { $total }; the web ledger shows them all (send /web privately).
refuse-photo-rule-group = /photorule is sent in a group bound to a unit: it sets that unit's rule.
usage-photo-rule = { $unit } { $rule ->
        [optional] does not require
       *[required] requires
    } a photo of the fixed state when a major hazard is marked rectified. To change it: /photorule required or /photorule optional
photo-rule-set = Set: { $unit } { $rule ->
        [optional] does not require
       *[required] requires
    } a photo of the fixed state when a major hazard is marked rectified.
rectified-review = Hazard { $number } rectified. A major hazard closes only after { $authority } reviews it: send /apply close { $number } [what was done], and { $authority } accepts the close-out.
refuse-apply-general = Hazard { $number } is a general hazard: no application needed; once fixed, your unit accepts it with /close { $number } [acceptance note].
refuse-apply-not-enterprise = The close-out of hazard { $number } is applied for by a safety manager or the principal of "{ $unit }"; the regulator reviews applications, it does not make them.
refuse-review-no-regulator = Hazard { $number } is major, so a regulator must review its close-out, but "{ $unit }" is under no regulator: nobody can accept it. Ask an admin to set the unit up under its regulator, then apply.
refuse-close-review = Hazard { $number } is a major hazard: { $regulator } reviews its close-out, the unit cannot close it itself. Once fixed, send /apply close { $number } and an inspector of { $regulator } accepts it.
refuse-return-general = Hazard { $number } is a general hazard, accepted by its own unit: nothing to send back; the unit goes on fixing it.
closed-reviewed = Hazard { $number } accepted and closed (reviewed by { $reviewer }).
status-closed-by = Closed after review by { $unit } ({ $who }, { $date }){ $opinion ->
        [none] {""}
       *[other] ; acceptance note: { $opinion }
    }
authority-regulator-above = the regulator above
dual-report-record = Dual report: { $told ->
        [none] nobody could be told
       *[other] told { $told }
    }{ $missing ->
        [none] .
       *[other] ; not reached: { $missing }.
    }
dual-told-separator = ;{" "}
dual-told-regulator = the regulator above, { $name } ({ $chats ->
        [one] 1 chat
       *[other] { $chats } chats
    })
dual-told-principal = the principal { $names }
dual-told-controller = the actual controller { $names }
dual-told-congress = the workers' congress contact { $names }
dual-missing-regulator = { $regulator ->
        [none] the regulator above (the unit is under no regulator)
       *[other] the regulator above, { $regulator } (no group bound, nobody takes private notices)
    }
dual-missing-principal = the principal (none set)
dual-missing-controller = the actual controller (none set)
dual-missing-congress = the workers' congress contact (none set)
dual-report-missing = [Dual report incomplete] Major hazard { $number } of { $enterprise } could not be reported to: { $missing }. An admin of the enterprise sets them (e.g. /grant congress <name> { $enterprise }); later major hazards will then reach them. Who each enterprise reports to: /dualparties
report-filed-official = Hazard { $number } filed ({ $unit }), status: awaiting verification.{ $photos ->
        [0] {""}
        [one] {" "}1 photo.
       *[other] {" "}{ $photos } photos.
    }
    You may confirm it yourself: /confirm { $number } general|major [deadline]. Follow it with /status { $number }
report-filed-fixed = Hazard { $number } filed ({ $unit }); you say it was fixed on the spot.{ $photos ->
        [0] {""}
        [one] {" "}1 photo.
       *[other] {" "}{ $photos } photos.
    }
    Once { $role } has checked, /confirm { $number } closes it as a general hazard fixed on the spot. Follow it with /status { $number }
fixed-on-spot-hint = The criteria suggested: { $indicators }. Closed as a general hazard fixed on the spot, as you judged; the hint stays in the record.
confirmed-default-deadline = No deadline given: your unit's default for a { $level } is { $days } days, so { $deadline } (a plan may set another; see or change the defaults with /deadlinedays).
refuse-confirm-deadline = Please give hazard { $number } a deadline: your unit has no default for a { $level }, and every hazard needs one. E.g. /confirm { $number } major 2026-12-31; or set a default first: /deadlinedays major 30
usage-deadline-days = Usage: /deadlinedays general|major <days>, e.g. /deadlinedays general 15 (a hazard confirmed without a deadline gets that many days; "/deadlinedays major none": each needs its own date)
deadline-days-shown = Default deadlines of "{ $unit }" for a hazard confirmed without one: general { $general ->
        [0] none (each needs a date)
       *[other] { $general } days
    }; major { $major ->
        [0] none (each needs a date)
       *[other] { $major } days
    }. Change: /deadlinedays general|major <days>
deadline-days-set = Done: in "{ $unit }" a { $level } confirmed without a deadline { $days ->
        [0] needs a date of its own
       *[other] gets one { $days } days later (moved past days off)
    }. Units below without their own setting share it.
refuse-deadline-days = "{ $input }" is not a number of days: give 1 to { $max }, or "none" (each hazard needs its own date).
dual-parties-head = Who a dual report reaches in the { $count } enterprises of { $unit } (the { $lacking } lacking someone first):
dual-parties-line = · { $unit }: { $parties }
dual-parties-party = { $role } { $names ->
        [none] not set
       *[other] { $names }
    }
dual-parties-none = There are no enterprises under { $unit }.
event-ASSIGN = assigned by the regulator
source-ASSIGNED = assigned by the regulator
notice-hazard-assigned = [Assigned by the regulator] { $regulator } assigns hazard { $number } to "{ $unit }" ({ $level ->
        [MAJOR] major accident hazard
       *[other] general hazard
    }, deadline { $deadline }): { $text }
    Rectify it: /plan { $number } responsible: … measures: … funds: … deadline: … contingency: …; follow it with /status { $number }
refuse-role-department = { $role } is held on the enterprise itself, not on its department "{ $unit }". Grant it on the enterprise: /grant <role> <name> <enterprise>
refuse-tip-handler-regulator = A tip handler is held only in a regulator, and "{ $unit }" is a { $kind }: tips are received by the regulator above the unit they name, never by an enterprise itself. Grant it in a regulator.
refuse-unit-kind-own = The kind of "{ $unit }" is changed only by { $parent ->
        [none] a super admin
       *[other] an admin of the unit above, "{ $parent }" (or a super admin)
    }, never by the unit's own people: a unit's kind decides who regulates whom.
refuse-unit-kind-same = "{ $unit }" already is a { $kind }.
notice-unit-kind = [Unit kind changed] { $who } changed "{ $unit }" from { $from } to { $kind }.
chase-confirm = [Awaiting verification] Hazard { $number } ({ $unit }), reported { $deadline }, has waited { $days } days for verification: { $text }. Safety manager: /confirm { $number } general|major [deadline], or /reject { $number } <reason>
chase-confirm-late = [Verification overdue] Hazard { $number } of "{ $unit }" (reported { $deadline }) has not been verified for { $days } days: { $text }. Please see that the unit deals with it.
dialog-unreadable = I received { $kind ->
        [voice] a voice note
        [video] a video
        [sticker] a sticker
        [location] a location
       *[other] a message I cannot read
    }, but I cannot read its content; the question above is still waiting: please answer in words (or with a photo), or send /cancel.
private-unreadable = I received { $kind ->
        [voice] a voice note
        [video] a video
        [sticker] a sticker
        [location] a location
       *[other] a message I cannot read
    }, but I cannot read its content. Please write instead; hazards are reported in your unit's group (/report <what>), tips with /tip. /help lists all commands.
report-place-kept-what = Place noted: { $place }. Now describe the hazard in words: what did you see?
rectified-photo-wait-file = That is a file, not a photo, and names no report owed: marking hazard { $number } rectified still waits for a photo of the fixed state. Send the photos, or /cancel.
