"""Demo data for the culture-standard recognition: registrations of Lào Cai's grassroots unions over
2023–2026, their self-assessments, recognitions by the district (before 01/07/2025) and commune People's
Committees, and one revoked recognition. Every demo account sees some: ``coso``'s own union is eligible and
waits for ``xa`` to record the decision; ``xa`` and ``tinh`` see recognised, revoked and pending unions.

Everything goes through the services, so the audit log shows it as officers would have made it.
"""

from __future__ import annotations

import datetime as dt

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from . import selectors, services
from .constants import CultureType

SYSTEM = Scope.unrestricted()
D = dt.date
E, U = CultureType.ENTERPRISE, CultureType.PUBLIC_UNIT
DISTRICT = "Chủ tịch Ủy ban nhân dân cấp huyện"
COMMUNE = "Chủ tịch Ủy ban nhân dân cấp xã"

# unit code, title, {year: criteria met (None: registered, not yet assessed)}
REGISTRATIONS = [
    ("LCI.BT.001", E, {2023: 3, 2024: 4, 2025: 4, 2026: 4}),
    ("LCI.BT.005", U, {2024: 3, 2025: 3, 2026: 3}),
    ("LCI.BT.006", U, {2025: 2, 2026: 3}),
    ("LCI.BT.002", E, {2023: 4, 2024: 4, 2025: 4, 2026: 2}),
    ("LCI.BT.003", E, {2026: 4}),
    ("LCI.TP.001", E, {2023: 4, 2024: 4, 2025: 1}),
    ("LCI.TP.003", E, {2025: None, 2026: 1}),
    ("YBI.TP.001", E, {2024: 4, 2025: 4, 2026: 4}),
]
# unit code, year, authority, number, issued on
RECOGNITIONS = [
    ("LCI.BT.002", 2024, DISTRICT, "1520/QĐ-UBND", D(2024, 12, 20)),
    ("LCI.TP.001", 2024, DISTRICT, "1498/QĐ-UBND", D(2024, 12, 18)),
    ("LCI.BT.005", 2025, COMMUNE, "215/QĐ-UBND", D(2025, 12, 18)),
    ("YBI.TP.001", 2025, COMMUNE, "342/QĐ-UBND", D(2025, 12, 22)),
]
# unit code, year, revoked on, decision, reason
REVOCATIONS = [
    (
        "LCI.TP.001",
        2024,
        D(2025, 9, 15),
        "85/QĐ-UBND",
        "Doanh nghiệp nợ đóng bảo hiểm xã hội kéo dài, không còn đáp ứng tiêu chí chấp hành pháp luật",
    ),
]
NOTES = {1: "Báo cáo kết quả sản xuất, kinh doanh năm", 2: "Biên bản hội thi văn nghệ, thể thao"}


def load(scale: str = "small") -> None:
    last = today().year
    units = org_selectors.units_by_codes([code for code, _t, _y in REGISTRATIONS])
    made = {}
    for code, culture_type, years in REGISTRATIONS:
        unit = units.get(code)
        if unit is None:
            continue
        for year, met in sorted(years.items()):
            if year > last:
                continue
            registration = services.registration_create(
                scope=SYSTEM, unit=unit, year=year, culture_type=culture_type, registered_on=D(year, 2, 10)
            )
            made[(code, year)] = registration
            if met is None:
                continue
            criteria = selectors.criteria_for(culture_type=culture_type, year=year)
            items = {c.pk: (c.number <= met, NOTES.get(c.number, "")) for c in criteria}
            services.registration_assess(scope=SYSTEM, registration=registration, items=items)
    authorities = {a.name: a for a in selectors.authority_list()}
    recognitions = {}
    for code, year, authority, number, issued_on in RECOGNITIONS:
        registration = made.get((code, year))
        if registration is None or issued_on > today():
            continue
        recognitions[(code, year)] = services.recognition_record(
            scope=SYSTEM,
            registration=registration,
            authority=authorities[authority],
            number=number,
            issued_on=issued_on,
        )
    for code, year, revoked_on, number, reason in REVOCATIONS:
        recognition = recognitions.get((code, year))
        if recognition is not None and revoked_on <= today():
            services.recognition_revoke(
                scope=SYSTEM, recognition=recognition, revoked_on=revoked_on, reason=reason, number=number
            )
