"""Facts of emulation: awards to the subtree in the period — by award year ("năm 2023" of the decision) when
the period is whole calendar years, else by signing date — collectives and individuals, by granting level,
bodies outside the union included (``emulation.selectors.award_counts_between``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.emulation import selectors as emulation_selectors
from congdoan.org.models import Unit

from .fact import AWARDS, Fact, link

AREA = "emulation"


def emulation_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    counts = emulation_selectors.award_counts_between(scope=scope, unit=unit, start=start, end=end)
    url = link("emulation:figures", unit=unit.pk, year=end.year)
    facts = [
        Fact("awards.total", _("Khen thưởng"), counts["total"], AWARDS, url=url, area=AREA),
        Fact(
            "awards.collectives", _("Khen thưởng tập thể"), counts["collectives"], AWARDS, url=url, area=AREA
        ),
        Fact(
            "awards.individuals", _("Khen thưởng cá nhân"), counts["individuals"], AWARDS, url=url, area=AREA
        ),
    ]
    for level, label, collectives, individuals in counts["by_level"]:
        facts += [
            Fact(
                f"awards.{level}.collectives",
                _("Tập thể, cấp %(l)s") % {"l": label},
                collectives,
                AWARDS,
                url=url,
                area=AREA,
            ),
            Fact(
                f"awards.{level}.individuals",
                _("Cá nhân, cấp %(l)s") % {"l": label},
                individuals,
                AWARDS,
                url=url,
                area=AREA,
            ),
        ]
    return facts
