# The hazard ledger: /ledger [major|all] [period]

ledger-usage = Usage: /ledger [major|all] [period]
    The period is by the day a hazard was found: 2026-10 (a month), 2026 (a year), 2026-01-01~2026-06-30 (two dates); without one the whole ledger (it is a running list: old hazards not yet closed are in it).
    "major" gives the major-hazard ledger (with each enterprise's principal). E.g. /ledger major 2026
ledger-kind-all = hazard ledger
ledger-kind-major = major-hazard ledger
ledger-period-all = all periods
ledger-started = Making the { $kind } of "{ $unit }" ({ $period }); it follows when ready.
ledger-done = The { $kind } of "{ $unit }" ({ $period }): { $rows } hazards.
ledger-empty = The { $kind } of "{ $unit }" ({ $period }): no hazards to list.
ledger-failed = The ledger could not be exported. Please try again later.
ledger-title = { $unit }: { $kind } ({ $period })
ledger-filename = { $kind }-{ $unit }-{ $period }
ledger-sheet = Hazard ledger
ledger-sheet-major = Major-hazard ledger
ledger-footer = Page &P of &N
ledger-fixed-on-spot = fixed on the spot
ledger-col-number = Number
ledger-col-unit = Unit
ledger-col-industry = Industry
ledger-col-principal = Principal
ledger-col-channel = Channel
ledger-col-description = Hazard
ledger-col-location = Place
ledger-col-level = Level
ledger-col-found = Found on
ledger-col-measures = Measures
ledger-col-responsible = Responsible
ledger-col-funds = Funds
ledger-col-deadline = Deadline
ledger-col-contingency = Contingency plan
ledger-col-supervisedBy = Supervised by
ledger-col-supervisedDeadline = Supervision deadline
ledger-col-status = Status
ledger-col-closedOn = Closed on
ledger-col-photos = Photos
