"""The one vocabulary of the package: every enumerated value a table column or a rules file may hold.

Every other list derives from these: the records' validation (`core.records`), the rules files'
schemas (`core.rules`), the data contract (`rules/expectations.yml` is checked against them by the
tests) and the extract steps. A new qualifier or role is added here, once.
"""
from __future__ import annotations

# claims.claim_type / quantities.claim_type, and the label of a quantity pattern (rules/quantities.jsonl)
CLAIM_TYPES = ("ratio", "percent", "points", "quantity")
# claims.direction: how the measured quantity moves relative to the baseline (None: nothing compared)
DIRECTIONS = ("increase", "decrease")
# a direction cue of rules/cues.yml may also say it through the metric: improve/worsen follow the
# metric's polarity; faster/slower make a time go down/up and a speed go up/down
DIRECTION_CUES = DIRECTIONS + ("improve", "worsen", "faster", "slower")
# claims.qualifier
QUALIFIERS = ("up_to", "average", "geomean", "median", "at_least", "at_most", "approx")
# quantities.role: a result of the paper's own work, or what is not a claim
ROLES = ("result", "setup", "motivation", "name")

# What an entity mention names (entities table): a system, method, library or framework; or hardware.
ENTITY_KINDS = ("system", "hardware")

# Where a claim's comparator was found, nearest first (claims.baseline_scope): the number's own phrase,
# a list paired with its numbers or named after a generic phrase, its clause, the sentence's frame
# ("Compared to X, ..."), the paper's frame ("we compare against X and Y").
BASELINE_SCOPES = ("phrase", "list", "clause", "sentence", "paper")
# the role a unit spelling usually has (rules/units.yml)
UNIT_ROLES = ("result", "setup")
# a role cue of rules/cues.yml may also confirm a result
CUE_ROLES = ("setup", "motivation", "name", "result")
# metric polarity (rules/metrics.yml): whether more of the metric is better
POLARITIES = ("up", "down")
# the unit written for each claim type that has a fixed one; a quantity has a pint unit string (or "")
UNIT_OF_TYPE = {"ratio": "x", "percent": "%", "points": "pp"}
CLAIM_TYPE_OF_UNIT = {unit: claim_type for claim_type, unit in UNIT_OF_TYPE.items()}  # otherwise "quantity"
# claims.unit_class: x, %, pp, or "other" for every pint unit
UNIT_CLASSES = tuple(UNIT_OF_TYPE.values()) + ("other",)
