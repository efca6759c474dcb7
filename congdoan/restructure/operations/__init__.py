"""The restructuring operations, one module per operation: found, re-parent, dissolve, merge, split.

Use the classes (``FoundUnit(...).execute()``) or the functions of the same meaning (``unit_found(...)``).
"""

from ._common import Operation
from .dissolve import DissolveUnit, unit_dissolve
from .found import FoundUnit, unit_found
from .merge import MergeUnits, unit_merge
from .reparent import ReparentUnit, unit_reparent
from .split import SplitUnit, unit_split

__all__ = [
    "DissolveUnit",
    "FoundUnit",
    "MergeUnits",
    "Operation",
    "ReparentUnit",
    "SplitUnit",
    "unit_dissolve",
    "unit_found",
    "unit_merge",
    "unit_reparent",
    "unit_split",
]
