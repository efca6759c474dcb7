"""Bulk generation of union members and their stints for the demo.

Members are generated unit by unit from a seeded random generator and streamed to the database in
chunks (COPY on PostgreSQL). Names follow real Vietnamese frequencies, genders and jobs follow the
kind of employer, ethnicity follows the region, and every member has a history of stints: most are
still in the unit they were admitted to, some transferred, some left (retired, changed job…), a few
were re-admitted, and the members of unions dissolved on 15/06/2025 left with "unit_dissolved".
"""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from collections.abc import Callable
from itertools import accumulate

from congdoan.core.text import fold
from congdoan.members.models import LeaveReason, Member, Membership

from . import bulk, data
from .columns import MEMBER_FIELDS, STINT_FIELDS
from .units import Grassroots

LEAVE_REASONS = [
    ("retired", "Nghỉ hưu", False),
    ("changed_job", "Chuyển công tác, thay đổi việc làm", False),
    ("by_request", "Xin thôi sinh hoạt", False),
    ("unit_dissolved", "Đơn vị giải thể", True),
    ("disciplined", "Bị khai trừ", False),
    ("deceased", "Từ trần", False),
    ("transfer", "Chuyển sinh hoạt", True),
    ("restructure", "Sắp xếp tổ chức", True),
]
# Typical size of a grassroots union by kind of employer: (median members, spread of the log-normal).
SIZE = {
    "school": (35, 0.5),
    "health": (110, 0.8),
    "state_co": (80, 0.9),
    "company": (35, 1.0),
    "coop": (15, 0.5),
    "guild": (40, 0.6),
    "fdi": (320, 1.0),
    "mining": (150, 0.8),
    "office": (20, 0.4),
}
MOBILE = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "033", "035", "036",
          "037", "038", "039", "070", "076", "077", "078", "079", "081", "083", "084", "085"]  # fmt: skip
CHUNK = 50_000


def leave_reasons() -> dict[str, int]:
    """Ids of the leave reasons the generator uses (seeded by the members app; created if absent)."""
    out = {}
    for order, (code, name, system) in enumerate(LEAVE_REASONS):
        reason, _ = LeaveReason.objects.get_or_create(
            code=code, defaults={"name": name, "is_system": system, "sort_order": order}
        )
        out[code] = reason.pk
    return out


def sizes_for(rng: random.Random, units: list[Grassroots], total: int) -> list[int]:
    """Members per union: log-normal by kind of employer, scaled so they add up to about ``total``."""
    raw = [math.exp(math.log(SIZE[u.category][0]) + rng.gauss(0, SIZE[u.category][1])) for u in units]
    k = total / sum(raw)
    out = []
    for r in raw:
        n = max(5, round(r * k))
        if rng.random() < 0.015:  # a few unions below the charter's minimum of 5
            n = rng.randint(2, 4)
        out.append(n)
    return out


def _cum(pairs):
    return [p[0] for p in pairs], list(accumulate(p[1] for p in pairs))


class Generator:
    """Turns (unit, size) pairs into member and stint rows; ``run`` writes them in chunks."""

    def __init__(self, rng: random.Random, today: dt.date, units: list[Grassroots]):
        self.rng = rng
        self.today = today
        self.today_ord = today.toordinal()
        self.reasons = leave_reasons()
        self.next_id = bulk.next_id(Member)
        last = (
            Member.objects.filter(code__startswith="CD")
            .order_by("-code")
            .values_list("code", flat=True)
            .first()
        )
        self.next_code = int(last[2:]) + 1 if last and last[2:].isdigit() else 1
        self.cccd_counters: dict[tuple, int] = {}
        self.groups: dict[str, list[Grassroots]] = {}
        for u in units:
            if u.dissolved_on is None and u.group:
                self.groups.setdefault(u.group, []).append(u)
        self.family = _cum(data.FAMILY)
        self.middle = {g: _cum(v) for g, v in data.MIDDLE.items()}
        self.ethnic = {k: _cum(v) for k, v in data.ETHNIC_MIX.items()}
        self.education = {k: _cum(v) for k, v in data.EDUCATION_BY_CATEGORY.items()}
        self.education_default = _cum(data.EDUCATION_DEFAULT)
        words = {w for fam, _ in data.FAMILY for w in [fam]}
        words |= {w for v in data.MIDDLE.values() for w, _ in v}
        words |= {w for v in data.GIVEN.values() for w in v}
        for fams, mids_m, mids_f in data.MINORITY_NAMES.values():
            words |= set(fams) | set(mids_m) | set(mids_f)
        self.folded = {w: fold(w) for w in words}
        self.prefixes = sorted({p[3] for p in data.PROVINCES} | {a[3] for p in data.PROVINCES for a in p[7]})
        self.short_of = {p[3]: p[2] for p in data.PROVINCES} | {
            a[3]: a[2] for p in data.PROVINCES for a in p[7]
        }
        self.members_written = 0
        self.stints_written = 0

    # -- one unit ---------------------------------------------------------------------------------
    def unit_rows(self, unit: Grassroots, n: int, members: list, stints: list) -> None:  # noqa: C901, PLR0912, PLR0915
        rng = self.rng
        rand = rng.random

        def randint(a: int, b: int) -> int:  # rng.randint is the hot spot; this is 4x faster
            return a + int(rand() * (b - a + 1))

        decisions = DECISIONS
        today = self.today_ord
        from_ord = dt.date.fromordinal
        reasons = self.reasons
        fam_names, fam_cum = self.family
        folded = self.folded
        women = data.JOBS[unit.category][1] / 1000
        jobs = data.JOBS[unit.category][0]
        edu_names, edu_cum = self.education.get(unit.category, self.education_default)
        eth_names, eth_cum = self.ethnic[unit.region]
        families = rng.choices(fam_names, cum_weights=fam_cum, k=n)
        mid_m = rng.choices(*self.middle["M"], k=n)
        mid_f = rng.choices(*self.middle["F"], k=n)
        given_m = rng.choices(data.GIVEN["M"], k=n)
        given_f = rng.choices(data.GIVEN["F"], k=n)
        ethnic = rng.choices(eth_names, cum_weights=eth_cum, k=n)
        education = rng.choices(edu_names, cum_weights=edu_cum, k=n)
        founded = unit.founded_on.toordinal()
        end_of_unit = unit.dissolved_on.toordinal() if unit.dissolved_on else None
        latest_join = (end_of_unit or today) - 7
        informal = unit.category == "guild"
        state = unit.sector == "state"
        dissolved_id = reasons["unit_dissolved"]
        group = self.groups.get(unit.group) or []
        counters = self.cccd_counters
        for i in range(n):
            female = rand() < women
            eth = ethnic[i]
            minority = data.MINORITY_NAMES.get(eth)
            if minority:
                fam = rng.choice(minority[0])
                mid = rng.choice(minority[2] if female else minority[1])
            else:
                fam = families[i]
                mid = mid_f[i] if female else mid_m[i]
            given = given_f[i] if female else given_m[i]
            full = f"{fam} {mid} {given}" if mid else f"{fam} {given}"
            name_folded = (
                f"{folded[fam]} {folded[mid]} {folded[given]}" if mid else f"{folded[fam]} {folded[given]}"
            )
            age = int(rng.triangular(18, 61, 33))
            dob = today - age * 365 - randint(0, 364)
            earliest = max(founded, dob + 6575)  # 18 years
            if earliest > latest_join:
                join = latest_join
                dob = min(dob, join - 6575 - randint(0, 2000))
            else:
                join = randint(earliest, latest_join)
            birth = from_ord(dob)
            # Lifecycle.
            member_id = self.next_id
            self.next_id += 1
            unit_id = unit.id
            status = "active"
            fate = rand()
            if end_of_unit is not None:
                stints.append((member_id, unit_id, from_ord(join), unit.dissolved_on, "admit", dissolved_id,
                               decisions[int(rand() * 299)], "95/QĐ-LĐLĐ"))  # fmt: skip
                status = "left"
            elif fate < 0.005:
                status = "pending"
            elif fate < 0.065 and join < today - 200:
                end = randint(join + 60, today - 1)
                if rand() < 0.35:
                    # Retirement is the commonest reason: the member reached retirement age on leaving
                    # (about 60 for men, 56 for women), so was born that long before.
                    reason = "retired"
                    dob = min(dob, end - (56 if female else 60) * 365 - randint(0, 300))
                    birth = from_ord(dob)
                else:
                    r = rand()
                    reason = (
                        "changed_job" if r < 0.55 else "by_request" if r < 0.9 else "deceased" if r < 0.97
                        else "disciplined"
                    )  # fmt: skip
                stints.append((member_id, unit_id, from_ord(join), from_ord(end), "admit", reasons[reason],
                               decisions[int(rand() * 299)], decisions[int(rand() * 299)]))  # fmt: skip
                status = "left"
            elif fate < 0.075 and join < today - 800:
                end = randint(join + 60, today - 700)
                back = randint(end + 90, today - 30)
                stints.append((member_id, unit_id, from_ord(join), from_ord(end), "admit", reasons["by_request"],
                               decisions[int(rand() * 299)], decisions[int(rand() * 299)]))  # fmt: skip
                stints.append(
                    (
                        member_id,
                        unit_id,
                        from_ord(back),
                        None,
                        "readmit",
                        None,
                        decisions[int(rand() * 299)],
                        "",
                    )
                )
            elif fate < 0.135 and len(group) > 1 and join < today - 400:
                dest = group[randint(0, len(group) - 1)]
                start = max(join + 365, dest.founded_on.toordinal() + 1)
                if dest.id != unit_id and start < today - 1:
                    moved = randint(start, today - 1)
                    stints.append((member_id, unit_id, from_ord(join), from_ord(moved - 1), "admit",
                                   reasons["transfer"], decisions[int(rand() * 299)], decisions[int(rand() * 299)]))  # fmt: skip
                    stints.append(
                        (
                            member_id,
                            dest.id,
                            from_ord(moved),
                            None,
                            "transfer",
                            None,
                            decisions[int(rand() * 299)],
                            "",
                        )
                    )
                    unit_id = dest.id
                else:
                    stints.append(
                        (
                            member_id,
                            unit_id,
                            from_ord(join),
                            None,
                            "admit",
                            None,
                            decisions[int(rand() * 299)],
                            "",
                        )
                    )
            else:
                stints.append(
                    (
                        member_id,
                        unit_id,
                        from_ord(join),
                        None,
                        "admit",
                        None,
                        decisions[int(rand() * 299)],
                        "",
                    )
                )
            pending = status == "pending"
            code = None
            if not pending:
                code = f"CD{self.next_code:010d}"
                self.next_code += 1
            # Identity and contact.
            cccd = None
            home = unit.hometown
            if rand() < 0.92:
                prefix = unit.cccd_prefix
                if rand() < 0.2:
                    prefix = self.prefixes[randint(0, len(self.prefixes) - 1)]
                    home = self.short_of[prefix]
                year = birth.year
                digit = (0 if year < 2000 else 2) + (1 if female else 0)
                key = (prefix, digit, year % 100)
                k = counters.get(key, 0)
                counters[key] = k + 1
                cccd = f"{prefix}{digit}{year % 100:02d}{(k * 7919 + year * 104729) % 1_000_000:06d}"
            phone = (
                f"{MOBILE[randint(0, len(MOBILE) - 1)]}{randint(0, 9_999_999):07d}" if rand() < 0.85 else ""
            )
            email = ""
            if rand() < 0.15:
                email = f"{folded[given]}{folded[fam]}{birth.year % 100:02d}@gmail.com".replace(" ", "")
            # Party and card.
            party, introduced, admitted = "", None, None
            p = rand()
            if p < (0.18 if state else 0.04):
                party = "admitted"
                a = randint(min(join, today - 30), today - 1)
                admitted = from_ord(a)
                introduced = from_ord(a - randint(180, 400))
            elif p < (0.21 if state else 0.05):
                party = "introduced"
                introduced = from_ord(randint(max(join, today - 700), today - 1))
            card, requested, printed, handed = "", None, None, None
            if not pending:
                c = rand()
                if c < 0.9:
                    requested = from_ord(min(join + 30, today))
                    card = "requested"
                    if c < 0.8:
                        printed = from_ord(min(join + 60, today))
                        card = "printed"
                    if c < 0.7:
                        handed = from_ord(min(join + 90, today))
                        card = "handed_over"
            members.append(
                (
                    member_id,
                    code,
                    full,
                    name_folded,
                    "F" if female else "M",
                    birth,
                    eth,
                    cccd,
                    phone,
                    email,
                    jobs[randint(0, len(jobs) - 1)],
                    education[i],
                    home,
                    informal,
                    party,
                    introduced,
                    admitted,
                    status,
                    unit_id,
                    None if pending else from_ord(join),
                    card,
                    requested,
                    printed,
                    handed,
                )
            )

    # -- everything ------------------------------------------------------------------------------
    def run(
        self,
        units: list[Grassroots],
        sizes: list[int],
        progress: Callable[[str], None] | None = None,
        record: Callable[[list, list], None] | None = None,
    ):
        """Generate and write; ``record(members, stints)`` is called with every chunk written."""
        member_table = bulk.Table(Member, MEMBER_FIELDS)
        stint_table = bulk.Table(Membership, STINT_FIELDS)
        total = sum(sizes)
        started = time.perf_counter()
        members: list[tuple] = []
        stints: list[tuple] = []
        next_report = 0.1

        def flush():
            self.members_written += bulk.insert(member_table, iter(members))
            self.stints_written += bulk.insert(stint_table, iter(stints))
            if record is not None:
                record(members, stints)
            members.clear()
            stints.clear()

        for unit, n in zip(units, sizes, strict=True):
            self.unit_rows(unit, n, members, stints)
            if len(members) >= CHUNK:
                flush()
                done = self.members_written / total
                if progress and done >= next_report:
                    rate = self.members_written / (time.perf_counter() - started)
                    progress(
                        f"  … {self.members_written:,} / {total:,} đoàn viên ({rate:,.0f} đoàn viên/giây)"
                    )
                    next_report += 0.1
        flush()
        bulk.sync_sequence(Member)
        return self.members_written, self.stints_written


DECISIONS = [f"{n}/QĐ-CĐ" for n in range(1, 300)]
