"""Ranking a cluster's members: a pure function, so the tie-break rule is tested on its own.

Order: total points (highest first); on equal totals, the points on the first criterion of the sheet,
then the second, and so on (the sheet lists criteria by weight); if every criterion is equal, the unit
code. Each tie is explained in words on the lower-ranked unit's row.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _


def _fmt(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return text.replace(".", ",")


def rank_rows(rows, criterion_names: list[str]) -> list[tuple]:
    """``rows`` are (unit, [points per criterion in sheet order], code); returns (unit, total, rank, note)."""
    keyed = [(unit, sum(points, Decimal(0)), list(points), code) for unit, points, code in rows]
    keyed.sort(key=lambda r: (-r[1], *[-p for p in r[2]], r[3]))
    out = []
    for index, (unit, total, points, _code) in enumerate(keyed):
        note = ""
        if index > 0 and keyed[index - 1][1] == total:
            above = keyed[index - 1]
            differing = [i for i, (a, b) in enumerate(zip(above[2], points, strict=True)) if a != b]
            if differing:
                i = differing[0]
                note = _(
                    "Bằng %(t)s điểm với “%(u)s”; xếp sau vì tiêu chí “%(c)s” thấp hơn (%(b)s so với %(a)s)."
                ) % {
                    "t": _fmt(total),
                    "u": str(above[0]),
                    "c": criterion_names[i],
                    "b": _fmt(points[i]),
                    "a": _fmt(above[2][i]),
                }
            else:
                note = _("Bằng điểm mọi tiêu chí với “%(u)s”; xếp theo mã đơn vị.") % {"u": str(above[0])}
        out.append((unit, total, index + 1, note))
    return out
