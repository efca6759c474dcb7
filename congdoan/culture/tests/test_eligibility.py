"""The eligibility judgement, table-driven (a pure function: no database)."""

import pytest

from congdoan.culture.eligibility import PastRecognition, RuleValues, YearResult, judge

E = "enterprise"
A = "agency"
RULE = RuleValues(first_years=2, renewal_years=5, validity_years=5)


def ok(*years, kind=E):
    return {y: YearResult(kind, 4, 4) for y in years}


def partly(year, met=3):
    return {year: YearResult(E, met, 4)}


CASES = [
    # (case, year, results, recognitions, eligible, kind, words in the reason)
    ("two consecutive years met", 2025, ok(2024, 2025), [], True, "first", ""),
    ("only the current year", 2025, ok(2025), [], False, None, "2 năm liên tục"),
    ("a gap year breaks the streak", 2025, ok(2023, 2025), [], False, None, "mới đạt 1 năm"),
    ("previous year not fully met", 2025, {**partly(2024), **ok(2025)}, [], False, None, "mới đạt 1 năm"),
    ("current year 3 of 4", 2025, {**ok(2024), **partly(2025)}, [], False, None, "3/4"),
    ("not registered this year", 2025, ok(2023, 2024), [], False, None, "chưa đăng ký"),
    ("another title last year", 2025, {**ok(2024, kind=A), **ok(2025)}, [], False, None, "mới đạt 1 năm"),
    (
        "already recognised this year",
        2025,
        ok(2024, 2025),
        [PastRecognition(2025, E)],
        False,
        None,
        "đã có quyết định",
    ),
    (
        "re-recognition four years on is too early",
        2025,
        ok(2024, 2025),
        [PastRecognition(2021, E)],
        False,
        None,
        "từ năm 2026",
    ),
    (
        "re-recognition exactly five years on",
        2026,
        ok(2025, 2026),
        [PastRecognition(2021, E)],
        True,
        "renewal",
        "",
    ),
    (
        "a revoked recognition does not count as standing",
        2025,
        ok(2024, 2025),
        [PastRecognition(2023, E, revoked_year=2023)],
        True,
        "first",
        "",
    ),
    (
        "years up to the revocation do not count",
        2025,
        ok(2023, 2024, 2025),
        [PastRecognition(2022, E, revoked_year=2024)],
        False,
        None,
        "mới đạt 1 năm",
    ),
    (
        "a recognition of another title is no obstacle",
        2025,
        ok(2024, 2025),
        [PastRecognition(2024, A)],
        True,
        "first",
        "",
    ),
]


@pytest.mark.parametrize(
    ("case", "year", "results", "recognitions", "eligible", "kind", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_judge(case, year, results, recognitions, eligible, kind, words):
    verdict = judge(year=year, culture_type=E, results=results, recognitions=recognitions, rule=RULE)
    assert verdict.eligible is eligible, verdict.message
    if eligible:
        assert verdict.kind == kind
        assert verdict.reasons == []
    else:
        assert words in verdict.message


def test_three_years_when_the_rule_says_three():
    rule = RuleValues(first_years=3)
    assert not judge(year=2025, culture_type=E, results=ok(2024, 2025), recognitions=[], rule=rule).eligible
    assert judge(year=2025, culture_type=E, results=ok(2023, 2024, 2025), recognitions=[], rule=rule).eligible


def test_no_rule_in_force():
    verdict = judge(year=2019, culture_type=E, results=ok(2018, 2019), recognitions=[], rule=None)
    assert not verdict.eligible
    assert "2019" in verdict.message
