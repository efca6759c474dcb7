"""Demo data of targets and reports: the Lào Cai province with a year of targets and four quarters.

Called by ``demo_data`` after units and members exist. Everything goes through the services (so roll-ups
and the audit log are what officers would have made); only the submission/approval timestamps are
back-dated afterwards so that lateness shows as it would have happened.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from congdoan.accounts.models import User
from congdoan.core import indicators as computed
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.members import stats
from congdoan.org.models import Unit
from congdoan.org.selectors import unit_children

from . import services
from .constants import Aggregation, Direction, PeriodType, RuleOperator, Source, UnitOfMeasure
from .models import FormIndicator, Indicator, Report, ReportForm, Rollup, TargetAssignment, ValidationRule
from .periods import Period

SYSTEM = Scope.unrestricted()
PROVINCE = "LCI"
COMMUNES = ["LCI.XBT", "LCI.XPH", "LCI.PLC", "LCI.PCD", "LCI.KCN", "LCI.PYB"]
D = dt.date

# code, name, unit of measure, direction, computed code (used when the registry has it), aggregation
CATALOGUE = [
    ("ket_nap_dv", "Kết nạp đoàn viên mới", UnitOfMeasure.MEMBERS, Direction.HIGHER, "members_admitted"),
    (
        "dv_thuc_tang",
        "Phát triển đoàn viên thực tăng",
        UnitOfMeasure.MEMBERS,
        Direction.HIGHER,
        "members_net_gain",
    ),
    (
        "thanh_lap_cdcs",
        "Thành lập công đoàn cơ sở mới",
        UnitOfMeasure.UNIONS,
        Direction.HIGHER,
        "grassroots_founded",
    ),
    (
        "gioi_thieu_dang",
        "Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp",
        UnitOfMeasure.MEMBERS,
        Direction.HIGHER,
        "party_introduced",
    ),
    (
        "tu_ldtt",
        "Thỏa ước lao động tập thể được ký kết mới, ký lại",
        UnitOfMeasure.COUNT,
        Direction.HIGHER,
        "",
    ),
    (
        "hoi_nghi_nld",
        "Đơn vị tổ chức hội nghị người lao động, hội nghị cán bộ công chức",
        UnitOfMeasure.UNIONS,
        Direction.HIGHER,
        "",
    ),
    ("doi_thoai", "Cuộc đối thoại định kỳ tại nơi làm việc", UnitOfMeasure.COUNT, Direction.HIGHER, ""),
    (
        "tham_hoi",
        "Đoàn viên, người lao động được thăm hỏi, hỗ trợ",
        UnitOfMeasure.MEMBERS,
        Direction.HIGHER,
        "",
    ),
    ("kinh_phi_tham_hoi", "Kinh phí thăm hỏi, hỗ trợ đoàn viên", UnitOfMeasure.VND, Direction.HIGHER, ""),
    (
        "tuyen_truyen_pl",
        "Lượt đoàn viên được tuyên truyền, phổ biến pháp luật",
        UnitOfMeasure.COUNT,
        Direction.HIGHER,
        "",
    ),
    ("tai_nan_ld", "Vụ tai nạn lao động nghiêm trọng", UnitOfMeasure.COUNT, Direction.LOWER, ""),
    ("ngung_viec", "Vụ ngừng việc tập thể", UnitOfMeasure.COUNT, Direction.LOWER, ""),
    ("mai_am", "Hoàn thành hỗ trợ xây dựng “Mái ấm Công đoàn”", UnitOfMeasure.YES_NO, Direction.YES_NO, ""),
]
QUARTERLY = [c[0] for c in CATALOGUE if c[0] != "mai_am"]
RETURN_REASON = "Số đoàn viên được thăm hỏi chưa khớp với sổ chi quỹ, đề nghị kiểm tra lại."


def _wipe() -> None:
    Rollup.objects.all().delete()
    Report.objects.all().delete()
    TargetAssignment.objects.all().delete()
    ValidationRule.objects.all().delete()
    FormIndicator.objects.all().delete()
    ReportForm.objects.all().delete()
    Indicator.objects.all().delete()


def _catalogue() -> dict[str, Indicator]:
    known = computed.registry()
    made = {}
    for order, (code, name, uom, direction, computed_code) in enumerate(CATALOGUE, start=1):
        use_registry = bool(computed_code) and computed_code in known
        made[code] = services.indicator_save(
            scope=SYSTEM,
            code=code,
            name=name,
            unit_of_measure=uom,
            direction=direction,
            aggregation=Aggregation.SUM,
            source=Source.COMPUTED if use_registry else Source.MANUAL,
            computed_code=computed_code if use_registry else "",
            min_value=None if code == "dv_thuc_tang" else Decimal(0),
            valid_from=D(2020, 1, 1),
            sort_order=order,
        )
    # A definition that changed: the old "visits" count stopped at the end of 2024 (reports before keep it).
    services.indicator_save(
        scope=SYSTEM,
        code="tham_hoi_cu",
        name="Số đoàn viên được thăm hỏi ốm đau (cách tính cũ)",
        unit_of_measure=UnitOfMeasure.MEMBERS,
        direction=Direction.HIGHER,
        aggregation=Aggregation.SUM,
        source=Source.MANUAL,
        valid_from=D(2015, 1, 1),
        valid_to=D(2024, 12, 31),
        sort_order=99,
    )
    return made


def _forms(ind: dict[str, Indicator]) -> tuple[ReportForm, ReportForm]:
    quarterly = services.form_save(
        scope=SYSTEM,
        code="bc_quy",
        name="Báo cáo kết quả hoạt động công đoàn quý",
        period_type=PeriodType.QUARTER,
        deadline_days=10,
        indicators=[ind[c] for c in QUARTERLY],
    )
    yearly = services.form_save(
        scope=SYSTEM,
        code="bc_nam",
        name="Báo cáo tổng kết công tác công đoàn năm",
        period_type=PeriodType.YEAR,
        deadline_days=15,
        indicators=list(ind.values()),
    )
    for form in (quarterly, yearly):
        ValidationRule.objects.create(
            form=form,
            left=ind["kinh_phi_tham_hoi"],
            operator=RuleOperator.GE,
            right=ind["tham_hoi"],
            message="Kinh phí thăm hỏi (đồng) không thể nhỏ hơn số người được thăm hỏi — kiểm tra lại đơn vị tính.",
        )
    return quarterly, yearly


def _manual_values(
    rng: random.Random, unit: Unit, ind: dict[str, Indicator], q: int, size: int
) -> dict[int, object]:
    """Plausible figures of one quarter for a grassroots union of ``size`` members (or a commune's own work)."""
    grassroots = unit.kind.is_grassroots
    visited = rng.randint(1, max(2, size // 4)) if grassroots else rng.randint(1, 4)
    values = {
        "tu_ldtt": int(grassroots and rng.random() < (0.35 if q == 1 else 0.1)),
        "hoi_nghi_nld": int(grassroots and q == 1 and rng.random() < 0.85),
        "doi_thoai": int(rng.random() < (0.55 if grassroots else 0.8))
        + (rng.randint(0, 1) if not grassroots else 0),
        "tham_hoi": visited,
        "kinh_phi_tham_hoi": visited * rng.choice([300_000, 500_000, 500_000, 1_000_000]),
        "tuyen_truyen_pl": rng.randint(size // 2, size) if grassroots else rng.randint(10, 40),
        "tai_nan_ld": int(grassroots and rng.random() < 0.04),
        "ngung_viec": int(grassroots and rng.random() < 0.02),
    }
    return {ind[code].pk: v for code, v in values.items() if ind[code].source == Source.MANUAL}


def _backdate(report: Report, submitted: dt.date | None, approved: dt.date | None) -> None:
    tz = timezone.get_current_timezone()
    fields = {}
    if submitted:
        fields["submitted_at"] = dt.datetime.combine(submitted, dt.time(9, 30), tzinfo=tz)
    if approved:
        fields["approved_at"] = dt.datetime.combine(approved, dt.time(15, 0), tzinfo=tz)
    if fields:
        Report.objects.filter(pk=report.pk).update(**fields)


def _file(rng, unit, form, ind, period, state, size, *, submit_day=None, reviewer=None, entered_by=None):
    """Make ``unit``'s report for ``period`` reach ``state`` through the services."""
    if state == "missing":
        return None
    report = services.report_open(scope=SYSTEM, unit=unit, form=form, period=period)
    report = services.report_save_draft(
        scope=SYSTEM,
        report=report,
        version=report.version,
        values=_manual_values(rng, unit, ind, period.number, size),
    )
    if state == "draft":
        return report
    deadline = period.deadline(form.deadline_days)
    submit_day = submit_day or deadline - dt.timedelta(days=rng.randint(0, 8))
    report = services.report_submit(scope=SYSTEM, report=report)
    approved_day = None
    if state == "returned":
        report = services.report_return(scope=SYSTEM, report=report, reason=RETURN_REASON)
    elif state == "approved":
        report = services.report_approve(scope=SYSTEM, report=report)
        approved_day = submit_day + dt.timedelta(days=rng.randint(1, 5))
    _backdate(report, submit_day, approved_day)
    return report


def _grassroots_under(commune: Unit, limit: int) -> list[Unit]:
    return [u for u in unit_children(scope=SYSTEM, unit=commune) if u.kind.is_grassroots][:limit]


def _sizes(units: list[Unit]) -> dict[int, int]:
    try:
        return {u.pk: max(8, stats.total_on(unit=u, on=today())) for u in units}
    except Exception:  # noqa: BLE001 - members not loaded: a plausible size instead
        return {u.pk: 25 for u in units}


def _states_2026(rng: random.Random, reporters: list[Unit], coso_code: str, day: dt.date) -> dict:
    """Per (unit code, quarter): approved / submitted / returned / draft / missing, and lateness."""
    states = {}
    codes = [u.code for u in reporters]
    for q in (1, 2, 3, 4):
        period = Period(PeriodType.QUARTER, 2026, q)
        for n, code in enumerate(codes):
            if period.end >= day:  # the quarter still running: a few drafts
                states[(code, q)] = ("draft" if n % 3 == 0 else "missing", False)
            elif q == 3 and code == coso_code:
                states[(code, q)] = ("missing", True)  # the demo user has this one to do
            elif q == 3:
                states[(code, q)] = (
                    ["approved", "approved", "submitted", "returned", "approved", "missing", "draft"][n % 7],
                    n % 5 == 1,
                )
            elif q == 2:
                states[(code, q)] = ("submitted" if n % 9 == 4 else "approved", n % 6 == 2)
            else:
                states[(code, q)] = ("approved", n % 7 == 3)
    return states


def _targets(rng, ind, form, province, communes, grassroots_by_commune, direct, day):
    """2026 targets: each grassroots union's from its actuals so far (some will fall short), summed upwards."""
    national = province.parent
    year = 2026
    given: dict[int, dict[str, int]] = {}
    quarters = [
        Period(PeriodType.QUARTER, year, q)
        for q in (1, 2, 3)
        if Period(PeriodType.QUARTER, year, q).end < day
    ]
    for commune in [*communes, None]:
        for g in grassroots_by_commune[commune.pk] if commune else direct:
            actual = {c: 0 for c in QUARTERLY}
            for rep in Report.objects.filter(unit=g, form=form, period_start__in=[p.start for p in quarters]):
                for v in rep.values.select_related("indicator"):
                    actual[v.indicator.code] += int(v.value or 0)
            # Targets were set in January; by now units are somewhere around them, some short, some beyond.
            scale = 1.0
            row = {}
            for code in QUARTERLY:
                if ind[code].direction == Direction.LOWER:
                    row[code] = 0
                elif code in ("tu_ldtt", "hoi_nghi_nld"):
                    row[code] = 1
                elif code == "thanh_lap_cdcs":
                    continue
                else:
                    row[code] = max(1, round(actual[code] * scale * rng.uniform(0.7, 1.2)))
                    if code == "kinh_phi_tham_hoi":
                        row[code] = round(row[code], -6) or 1_000_000
            given[g.pk] = row
    for commune in communes:
        row = {}
        for code in QUARTERLY:
            values = [given[g.pk][code] for g in grassroots_by_commune[commune.pk] if code in given[g.pk]]
            row[code] = sum(values)
        row["thanh_lap_cdcs"] = rng.randint(1, 2)
        given[commune.pk] = row
    own = {code: sum(given[c.pk].get(code, 0) for c in [*communes, *direct]) for code in QUARTERLY}
    own["mai_am"] = 1
    plans = [(national, [province], {province.pk: own}, "12/QĐ-TLĐ", D(2026, 1, 8))]
    plans.append((province, [*communes, *direct], given, "25/QĐ-LĐLĐ", D(2026, 1, 15)))
    for commune in communes:
        plans.append(
            (
                commune,
                grassroots_by_commune[commune.pk],
                given,
                f"0{communes.index(commune) + 2}/QĐ-CĐX",
                D(2026, 1, 22),
            )
        )
    for parent, kids, table, decision, when in plans:
        values = {(k.pk, ind[code].pk): v for k in kids for code, v in table[k.pk].items()}
        services.target_assign(
            scope=SYSTEM,
            assigned_by=parent,
            year=year,
            decision_no=decision,
            decision_date=when,
            values=values,
        )


@transaction.atomic
def load(*, scale: str) -> None:
    """Catalogue, forms, 2026 targets and 2025–2026 quarterly reports in mixed states for Lào Cai."""
    _wipe()
    ind = _catalogue()
    quarterly, _yearly = _forms(ind)
    province = Unit.objects.filter(code=PROVINCE).first()
    if province is None:
        return
    rng = random.Random(2026)
    day = today()
    users = {u.username: u for u in User.objects.filter(username__in=["tinh", "xa", "coso"])}
    limit = 6 if scale == "small" else 12
    communes = [u for u in Unit.objects.filter(code__in=COMMUNES).order_by("code")]
    grassroots_by_commune = {c.pk: _grassroots_under(c, limit) for c in communes}
    direct = [u for u in unit_children(scope=SYSTEM, unit=province) if u.kind.is_grassroots][:limit]
    grassroots = [g for c in communes for g in grassroots_by_commune[c.pk]] + direct
    sizes = _sizes(grassroots)
    reporters = grassroots + communes

    def reviewer_of(unit):
        return users.get("xa") if unit.parent and unit.parent.code == "LCI.XBT" else users.get("tinh")

    def entered_by(unit):
        return (
            users.get("coso")
            if unit.code == "LCI.BT.001"
            else (users.get("xa") if unit.code == "LCI.XBT" else None)
        )

    # 2025: every grassroots union's quarters approved (communes exist from 01/07/2025).
    for q in (1, 2, 3, 4):
        period = Period(PeriodType.QUARTER, 2025, q)
        for unit in reporters:
            if not unit.exists_on(period.end):
                continue
            _file(
                rng,
                unit,
                quarterly,
                ind,
                period,
                "approved",
                sizes.get(unit.pk, 30),
                reviewer=reviewer_of(unit),
            )
    # 2026: mixed states; grassroots first so communes' reports come after their children's.
    states = _states_2026(rng, reporters, "LCI.BT.001", day)
    for q in (1, 2, 3, 4):
        period = Period(PeriodType.QUARTER, 2026, q)
        deadline = period.deadline(quarterly.deadline_days)
        for unit in reporters:
            state, late = states[(unit.code, q)]
            submit_day = deadline + dt.timedelta(days=rng.randint(2, 12)) if late else None
            _file(
                rng,
                unit,
                quarterly,
                ind,
                period,
                state,
                sizes.get(unit.pk, 30),
                submit_day=submit_day,
                reviewer=reviewer_of(unit),
                entered_by=entered_by(unit),
            )
    _targets(rng, ind, quarterly, province, communes, grassroots_by_commune, direct, day)
