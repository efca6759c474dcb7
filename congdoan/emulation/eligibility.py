"""Eligibility rules for awards, as pure functions over plain data (no database).

Sources: domain brief §4.2 (general exclusions, from a 2021 grassroots guidance) and §4.5 (the
commemorative medal "Vì sự nghiệp xây dựng tổ chức Công đoàn", Guidance 149/HD-TLĐ, 2015).
Whether Regulation 999/QĐ-TLĐ (2024) changed the thresholds is unconfirmed: they are constants here.

Counting service time
- A post counts from ``start`` up to, but not including, the day after ``end`` (or the reference day
  ``on`` if later posts are still open): a post held from 28/07/2006 meets 20 years on 28/07/2026.
- Full-time work counts ×1, part-time ×1.5, part-time in a non-state grassroots union ×2. When posts
  overlap, each day counts once, at the best multiplier of the posts held that day.
- Staff of union public-service units and managers of union-owned firms need 25 years (×1). A mixed
  career qualifies when officer time/20 years + staff time/25 years reaches 1 (each pure track is
  then exactly its own threshold). This blend is an assumption until 999/2024 is confirmed.
- Days under discipline do not count, and nobody qualifies while a discipline runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date

MEDAL_OFFICER_YEARS = 20
MEDAL_STAFF_YEARS = 25
PART_TIME_FACTOR = Fraction(3, 2)
PART_TIME_NON_STATE_FACTOR = Fraction(2)
MAX_DAYS_OFF = 40
MIN_MONTHS_SINCE_JOINING = 10


@dataclass(frozen=True)
class ServicePeriod:
    start: dt.date
    end: dt.date | None = None  # inclusive; None = still held
    full_time: bool = False
    non_state: bool = False
    union_staff: bool = False

    @property
    def factor(self) -> Fraction:
        if self.union_staff or self.full_time:
            return Fraction(1)
        return PART_TIME_NON_STATE_FACTOR if self.non_state else PART_TIME_FACTOR


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date | None = None  # inclusive; None = open

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Verdict:
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    officer_years: float = 0.0
    staff_years: float = 0.0


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (29 February falls back to 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def _half_open(start: dt.date, end: dt.date | None, on: dt.date) -> tuple[dt.date, dt.date]:
    stop = on if end is None else min(end + dt.timedelta(days=1), on)
    return start, stop


def weighted_days(posts: list[ServicePeriod], disciplines: list[Period], on: dt.date) -> tuple[Fraction, int]:
    """(officer days × multiplier, staff days) served before ``on``, discipline time removed."""
    cuts = {on}
    spans = []
    for post in posts:
        start, stop = _half_open(post.start, post.end, on)
        if start < stop:
            spans.append((start, stop, post))
            cuts.update((start, stop))
    blocked = []
    for period in disciplines:
        start, stop = _half_open(period.start, period.end, on)
        if start < stop:
            blocked.append((start, stop))
            cuts.update((start, stop))
    points = sorted(c for c in cuts if c <= on)
    officer, staff = Fraction(0), 0
    for left, right in zip(points, points[1:], strict=False):
        if any(b0 <= left and right <= b1 for b0, b1 in blocked):
            continue
        held = [p for s, e, p in spans if s <= left and right <= e]
        if not held:
            continue
        days = (right - left).days
        officer_posts = [p for p in held if not p.union_staff]
        if officer_posts:
            officer += days * max(p.factor for p in officer_posts)
        else:
            staff += days
    return officer, staff


def medal_eligibility(
    *,
    posts: list[ServicePeriod],
    disciplines: list[Period],
    on: dt.date,
    already_awarded: bool = False,
) -> Verdict:
    """Does a person qualify for the commemorative medal on ``on``? With the reasons if not."""
    officer, staff = weighted_days(posts, disciplines, on)
    officer_needed = (on - years_before(on, MEDAL_OFFICER_YEARS)).days
    staff_needed = (on - years_before(on, MEDAL_STAFF_YEARS)).days
    verdict = Verdict(
        eligible=True,
        officer_years=round(float(officer) / 365.25, 2),
        staff_years=round(staff / 365.25, 2),
    )
    if already_awarded:
        verdict.reasons.append(_("Đã được tặng Kỷ niệm chương (chỉ tặng một lần)."))
    current = [p for p in disciplines if p.covers(on)]
    if current:
        verdict.reasons.append(
            _("Đang trong thời gian thi hành kỷ luật (từ %(d)s).") % {"d": format_date(current[0].start)}
        )
    if officer / officer_needed + Fraction(staff, staff_needed) < 1:
        verdict.reasons.append(
            _(
                "Chưa đủ thời gian công tác công đoàn: %(o)s năm quy đổi (cần %(n)s năm; cán bộ đơn vị sự nghiệp, "
                "doanh nghiệp công đoàn %(s)s/%(m)s năm)."
            )
            % {
                "o": f"{verdict.officer_years:.1f}".replace(".", ","),
                "n": MEDAL_OFFICER_YEARS,
                "s": f"{verdict.staff_years:.1f}".replace(".", ","),
                "m": MEDAL_STAFF_YEARS,
            }
        )
    verdict.eligible = not verdict.reasons
    return verdict


def general_exclusions(
    *,
    on: dt.date,
    year: int,
    joined_on: dt.date | None,
    registered: bool,
    absences: list[tuple[int, bool]],
    disciplines: list[Period],
) -> list[str]:
    """Reasons a person may not be proposed for an award of ``year`` (empty list = none).

    ``absences`` are (days, is_maternity) rows of that year.
    """
    reasons = []
    days_off = sum(days for days, maternity in absences if not maternity)
    if days_off >= MAX_DAYS_OFF:
        reasons.append(
            _("Nghỉ việc %(n)s ngày trong năm (từ %(m)s ngày trở lên, trừ nghỉ thai sản).")
            % {"n": days_off, "m": MAX_DAYS_OFF}
        )
    if not registered:
        reasons.append(_("Chưa đăng ký thi đua năm %(y)s.") % {"y": year})
    if joined_on is None or joined_on > months_before(on, MIN_MONTHS_SINCE_JOINING):
        reasons.append(
            _("Vào công đoàn / tuyển dụng chưa đủ %(m)s tháng (ngày vào: %(d)s).")
            % {"m": MIN_MONTHS_SINCE_JOINING, "d": format_date(joined_on) or "—"}
        )
    year_period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if any(_overlaps(p, year_period) for p in disciplines):
        reasons.append(_("Bị kỷ luật hoặc xử phạt hành chính trong năm %(y)s.") % {"y": year})
    return reasons


def _overlaps(a: Period, b: Period) -> bool:
    far = dt.date.max
    return a.start <= (b.end or far) and b.start <= (a.end or far)
