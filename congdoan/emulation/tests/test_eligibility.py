"""The eligibility rules, table-driven (pure functions: no database)."""

import datetime as dt

import pytest

from congdoan.emulation.eligibility import (
    Period,
    ServicePeriod,
    general_exclusions,
    medal_eligibility,
    months_before,
    years_before,
)

ON = dt.date(2026, 7, 28)
D = dt.date


def full(start, end=None):
    return ServicePeriod(start, end, full_time=True)


def part(start, end=None, non_state=False):
    return ServicePeriod(start, end, full_time=False, non_state=non_state)


def staff(start, end=None):
    return ServicePeriod(start, end, full_time=True, union_staff=True)


ONE_DAY = dt.timedelta(days=1)

MEDAL_CASES = [
    # (case, posts, disciplines, already_awarded, eligible)
    ("full-time exactly 20 years", [full(years_before(ON, 20))], [], False, True),
    ("full-time one day short of 20 years", [full(years_before(ON, 20) + ONE_DAY)], [], False, False),
    ("full-time 20 years ended yesterday", [full(years_before(ON, 20), ON - ONE_DAY)], [], False, True),
    (
        "full-time 20 years ended two days ago",
        [full(years_before(ON, 20), ON - 2 * ONE_DAY)],
        [],
        False,
        False,
    ),
    ("part-time 14 years ×1.5 = 21", [part(years_before(ON, 14))], [], False, True),
    ("part-time 13 years ×1.5 = 19.5", [part(years_before(ON, 13))], [], False, False),
    (
        "part-time non-state 10 years and a day ×2",
        [part(years_before(ON, 10) - ONE_DAY, non_state=True)],
        [],
        False,
        True,
    ),
    ("part-time non-state 9 years ×2 = 18", [part(years_before(ON, 9), non_state=True)], [], False, False),
    ("staff exactly 25 years", [staff(years_before(ON, 25))], [], False, True),
    ("staff 24 years", [staff(years_before(ON, 24))], [], False, False),
    ("staff 20 years is not enough", [staff(years_before(ON, 20))], [], False, False),
    (
        "mixed: 10 years full-time + 12.5 years staff = 1/2 + 1/2",
        [staff(years_before(ON, 23), years_before(ON, 10) - ONE_DAY), full(years_before(ON, 10))],
        [],
        False,
        True,
    ),
    (
        "overlapping posts count each day once",
        [full(years_before(ON, 12)), full(years_before(ON, 12))],
        [],
        False,
        False,
    ),
    (
        "overlap takes the best multiplier: part-time non-state beside full-time",
        [full(years_before(ON, 11)), part(years_before(ON, 11), non_state=True)],
        [],
        False,
        True,
    ),
    (
        "discipline time does not count (21 years minus 2 years)",
        [full(years_before(ON, 21))],
        [Period(years_before(ON, 10), years_before(ON, 8))],
        False,
        False,
    ),
    (
        "discipline of 6 months leaves 20.5 of 21 years",
        [full(years_before(ON, 21))],
        [Period(years_before(ON, 10), months_before(years_before(ON, 10), -6))],
        False,
        True,
    ),
    (
        "not while under discipline",
        [full(years_before(ON, 30))],
        [Period(ON - 10 * ONE_DAY, None)],
        False,
        False,
    ),
    ("once per person", [full(years_before(ON, 30))], [], True, False),
    (
        "posts after the reference day do not count",
        [full(years_before(ON, 19)), full(ON + ONE_DAY)],
        [],
        False,
        False,
    ),
    ("no posts", [], [], False, False),
]


@pytest.mark.parametrize(
    ("posts", "disciplines", "already", "eligible"),
    [c[1:] for c in MEDAL_CASES],
    ids=[c[0] for c in MEDAL_CASES],
)
def test_medal_rule(posts, disciplines, already, eligible):
    verdict = medal_eligibility(posts=posts, disciplines=disciplines, on=ON, already_awarded=already)
    assert verdict.eligible is eligible, verdict.reasons
    assert bool(verdict.reasons) is not eligible


def test_medal_refusal_names_the_years_served():
    verdict = medal_eligibility(posts=[part(years_before(ON, 13))], disciplines=[], on=ON)
    assert "19,5 năm quy đổi" in verdict.reasons[0]


def test_medal_refusal_names_once_per_person_and_discipline():
    verdict = medal_eligibility(
        posts=[full(D(1990, 1, 1))],
        disciplines=[Period(D(2026, 1, 1), D(2026, 12, 31))],
        on=ON,
        already_awarded=True,
    )
    text = " ".join(verdict.reasons)
    assert "chỉ tặng một lần" in text and "kỷ luật" in text


GENERAL_CASES = [
    # (case, kwargs, expected reason fragments)
    ("clean record", {}, []),
    ("39 days off", {"absences": [(39, False)]}, []),
    ("40 days off", {"absences": [(40, False)]}, ["Nghỉ việc 40 ngày"]),
    ("40 days split over two absences", {"absences": [(25, False), (15, False)]}, ["Nghỉ việc 40 ngày"]),
    ("maternity leave does not count", {"absences": [(180, True), (10, False)]}, []),
    ("not registered", {"registered": False}, ["Chưa đăng ký"]),
    ("joined exactly 10 months ago", {"joined_on": D(2026, 1, 20)}, []),
    ("joined 10 months less a day ago", {"joined_on": D(2026, 1, 21)}, ["chưa đủ 10 tháng"]),
    ("joined date unknown", {"joined_on": None}, ["chưa đủ 10 tháng"]),
    ("disciplined during the year", {"disciplines": [Period(D(2026, 3, 1), D(2026, 9, 1))]}, ["kỷ luật"]),
    ("discipline ended the year before", {"disciplines": [Period(D(2024, 3, 1), D(2025, 12, 31))]}, []),
    ("open discipline from earlier years", {"disciplines": [Period(D(2024, 3, 1), None)]}, ["kỷ luật"]),
    (
        "several exclusions at once",
        {"registered": False, "absences": [(60, False)]},
        ["Nghỉ việc", "Chưa đăng ký"],
    ),
]


@pytest.mark.parametrize(
    ("kwargs", "expected"), [c[1:] for c in GENERAL_CASES], ids=[c[0] for c in GENERAL_CASES]
)
def test_general_exclusions(kwargs, expected):
    args = {
        "on": D(2026, 11, 20),
        "year": 2026,
        "joined_on": D(2015, 1, 1),
        "registered": True,
        "absences": [],
        "disciplines": [],
    }
    args.update(kwargs)
    reasons = general_exclusions(**args)
    assert len(reasons) == len(expected), reasons
    for fragment, reason in zip(expected, reasons, strict=True):
        assert fragment in reason


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [(D(2026, 7, 28), 20, D(2006, 7, 28)), (D(2024, 2, 29), 1, D(2023, 2, 28))],
)
def test_years_before_handles_leap_days(day, years, expected):
    assert years_before(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 11, 20), 10, D(2026, 1, 20)),
        (D(2026, 12, 31), 10, D(2026, 2, 28)),
        (D(2026, 3, 5), 10, D(2025, 5, 5)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected
