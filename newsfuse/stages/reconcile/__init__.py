"""Reconciliation stage: consensus, unique facts and discrepancies of one story (see `core`).

Modules, in the order the discrepancy search uses them: `measured` (what a figure counts or
measures, from the parse), `value` (a slot value and its phrase), `names` (names, nationalities,
directions as values), `slots` (every value of a story), `figures` (when two values agree after
normalisation), `things` (slot keys), `links` (grouping one slot's values across articles),
`core` (the stage's functions).
"""

from __future__ import annotations

from newsfuse.stages.reconcile.core import consensus, find_discrepancies, unique_facts
from newsfuse.stages.reconcile.figures import values_agree

__all__ = ["consensus", "find_discrepancies", "unique_facts", "values_agree"]
