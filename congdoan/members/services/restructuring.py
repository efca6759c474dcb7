"""The members' follow-through of unit restructuring (dissolution, merge, split): stints end or move.

Called by the restructure operations inside their transaction."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.validation import require as _require
from congdoan.org.models import Unit

from ..constants import (
    END_RESTRUCTURE,
    END_UNIT_DISSOLVED,
    MemberStatus,
    StintStart,
    TransferStatus,
)
from ..derived import tally
from ..models import (
    AdmissionBatch,
    Member,
    Membership,
    TransferRequest,
)
from ._common import (
    ONE_DAY,
    _reason,
    _require_grassroots_on,
)


# -- restructuring follow-through ---------------------------------------------------------------
def stints_follow_unit_dissolution(
    *,
    scope: Scope,
    unit: Unit,
    last_day: dt.date,
    merged_into: Unit | None = None,
) -> int:
    """End (or move) the open stints of a unit whose last day is ``last_day``.

    Called by ``restructure.operations.DissolveUnit`` inside its transaction. When the unit was merged into a
    grassroots union, members move there from the next day (start "restructure", codes kept);
    otherwise they leave with reason "unit dissolved". Returns the number of members affected.
    """
    open_stints = list(
        Membership.objects.select_for_update()
        .filter(unit=unit, valid_to__isnull=True)
        .select_related("member")
    )
    if not open_stints:
        return 0
    # Stints starting after the last day cannot end on it; they are moved or ended on their own first day.
    move_to = merged_into if merged_into is not None and merged_into.kind.is_grassroots else None
    ended_ids = [s.pk for s in open_stints]
    reason = _reason(END_RESTRUCTURE if move_to else END_UNIT_DISSOLVED)
    decision_no = unit.dissolution_decision_no
    member_ids = [s.member_id for s in open_stints]
    with tally.tracking(member_ids=member_ids):
        for stint in open_stints:
            stint.valid_to = max(last_day, stint.valid_from)
            stint.end_reason = reason
            stint.end_decision_no = decision_no
        Membership.objects.bulk_update(open_stints, ["valid_to", "end_reason", "end_decision_no"])
        if move_to is not None:
            Membership.objects.bulk_create(
                Membership(
                    member_id=s.member_id,
                    unit=move_to,
                    valid_from=s.valid_to + ONE_DAY,
                    start_kind=StintStart.RESTRUCTURE,
                    decision_no=decision_no,
                )
                for s in open_stints
            )
            Member.objects.filter(pk__in=member_ids).update(unit=move_to, status=MemberStatus.ACTIVE)
            summary = _("%(n)s đoàn viên của “%(u)s” chuyển sang “%(t)s” từ %(d)s") % {
                "n": len(ended_ids),
                "u": unit.name,
                "t": move_to.name,
                "d": format_date(last_day + ONE_DAY),
            }
        else:
            Member.objects.filter(pk__in=member_ids).update(status=MemberStatus.LEFT)
            summary = _("%(n)s đoàn viên của “%(u)s” thôi sinh hoạt do đơn vị giải thể (hết ngày %(d)s)") % {
                "n": len(ended_ids),
                "u": unit.name,
                "d": format_date(last_day),
            }
    event_record(
        actor=scope.actor,
        action="member.follow_restructure",
        unit=move_to or unit,
        obj=unit,
        decision_no=decision_no,
        summary=summary,
        after={"members": len(member_ids)},
    )
    return len(member_ids)


def stints_follow_unit_split(
    *, scope: Scope, unit: Unit, last_day: dt.date, assignments: dict, default: Unit | None = None
) -> int:
    """Move the members of a grassroots union split on ``last_day + 1`` into the new units they were assigned.

    Called by ``restructure.operations.SplitUnit`` inside its transaction, after the source was ended on
    ``last_day``. ``assignments`` maps member IDs to the new ``Unit`` taking them; members not in it go
    to ``default``. Without a default every member with a stint in the source after ``last_day`` must be
    assigned; assigning anyone else is refused too (both naming the members). History stays true for
    every date:

    * A stint open on ``last_day`` (or closed after it, e.g. a leave already recorded for a later day)
      ends on ``last_day`` with reason "restructure"; a stint in the new unit starts on the next day
      (start "restructure", the split's decision) and carries on to the original end, with its reason.
    * A stint that starts after ``last_day`` (a transfer or re-admission recorded ahead of time) never
      ran in the source: it is moved whole to the new unit, keeping its start kind and decision.
    * ``Member.unit`` follows for members whose latest unit was the source; codes never change.
    * Pending outgoing transfer requests follow the member (their "from" unit becomes the new unit), so
      the receiving side can still accept them.
    * An admission list still waiting for the superior's decision refuses the split: the superior
      approves (the people become members and are assigned here) or returns it first. Draft and
      returned lists stay with the source as unfinished paperwork: those people never became members
      (no code, no stint), so no count changes; the new union admits them again with its own decision.
    * Incoming transfer requests to the source stay pending; the receiving side refuses them (the
      source no longer takes members) and the sender addresses the right new unit.

    Returns the number of members moved; one audit event records who went where.
    """

    effective_on = last_day + ONE_DAY
    waiting = list(
        AdmissionBatch.objects.filter(unit=unit, status=AdmissionBatch.Status.SUBMITTED).order_by(
            "admitted_on"
        )
    )
    _require(
        not waiting,
        _(
            "“%(u)s” còn %(n)s danh sách đề nghị kết nạp đang chờ cấp trên duyệt (ngày kết nạp %(d)s). "
            "Hãy duyệt hoặc trả lại trước khi chia tách."
        )
        % {"u": unit.name, "n": len(waiting), "d": ", ".join(format_date(b.admitted_on) for b in waiting)},
        "member_targets",
    )
    stints = list(
        Membership.objects.select_for_update()
        .filter(unit=unit)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=last_day))
        .select_related("member")
        .order_by("member_id", "valid_from")
    )
    members = {s.member_id: s.member for s in stints}
    if default is not None:
        assignments = {**dict.fromkeys(members, default), **assignments}
    missing = [m for pk, m in members.items() if assignments.get(pk) is None]
    _require(
        not missing,
        _("Chưa chọn đơn vị mới tiếp nhận cho %(n)s đoàn viên: %(names)s.")
        % {"n": len(missing), "names": _names(missing)},
        "member_targets",
    )
    extra = sorted(set(assignments) - set(members))
    _require(
        not extra,
        _("Không sinh hoạt tại “%(u)s” sau ngày %(d)s nên không chuyển được: %(names)s.")
        % {
            "u": unit.name,
            "d": format_date(last_day),
            "names": _names(list(Member.objects.filter(pk__in=extra))) or ", ".join(map(str, extra)),
        },
        "member_targets",
    )
    targets = {t.pk: t for t in assignments.values()}
    for target in targets.values():
        _require(target.pk != unit.pk, _("Đơn vị tiếp nhận phải là một đơn vị mới."), "member_targets")
        _require_grassroots_on(target, effective_on, "member_targets")
    if not stints:
        return 0
    decision_no = unit.dissolution_decision_no
    ended: list[int] = []
    moved_whole: dict[int, list[int]] = {}
    continued: list[Membership] = []
    for stint in stints:
        target = assignments[stint.member_id]
        if stint.valid_from > last_day:
            moved_whole.setdefault(target.pk, []).append(stint.pk)
            continue
        continued.append(
            Membership(
                member_id=stint.member_id,
                unit=target,
                valid_from=effective_on,
                valid_to=stint.valid_to,
                end_reason_id=stint.end_reason_id,
                end_decision_no=stint.end_decision_no,
                start_kind=StintStart.RESTRUCTURE,
                decision_no=decision_no,
            )
        )
        ended.append(stint.pk)
    by_target: dict[int, list[int]] = {}
    for member_id in members:
        by_target.setdefault(assignments[member_id].pk, []).append(member_id)
    with tally.tracking(member_ids=list(members)):
        # Close first: the new open stints would otherwise clash with "one open stint per member".
        # Set-based updates: one statement per change, whatever the union's size.
        Membership.objects.filter(pk__in=ended).update(
            valid_to=last_day, end_reason=_reason(END_RESTRUCTURE), end_decision_no=decision_no
        )
        for target_id, stint_ids in moved_whole.items():
            Membership.objects.filter(pk__in=stint_ids).update(unit_id=target_id)
        Membership.objects.bulk_create(continued, batch_size=500)
        for target_id, member_ids in by_target.items():
            Member.objects.filter(pk__in=member_ids, unit=unit).update(
                unit_id=target_id, updated_at=timezone.now()
            )
            TransferRequest.objects.filter(
                member_id__in=member_ids, from_unit=unit, status=TransferStatus.PENDING
            ).update(from_unit_id=target_id)
    moved = {targets[t].code: sorted(members[m].code or str(m) for m in ids) for t, ids in by_target.items()}
    event_record(
        actor=scope.actor,
        action="member.follow_split",
        unit=unit,
        obj=unit,
        decision_no=decision_no,
        summary=_("%(n)s đoàn viên của “%(u)s” chuyển sang %(parts)s từ %(d)s")
        % {
            "n": len(members),
            "u": unit.name,
            "parts": ", ".join(f"“{targets[t].name}” ({len(ids)})" for t, ids in by_target.items()),
            "d": format_date(effective_on),
        },
        after={"members": moved},
    )
    return len(members)


def _names(members, limit: int = 10) -> str:
    """“Name (code)”, … for an error message; long lists end with how many more there are."""
    shown = ", ".join(f"{m.full_name} ({m.code or '—'})" for m in members[:limit])
    rest = len(members) - limit
    return shown + (_(" và %(n)s người khác") % {"n": rest} if rest > 0 else "")
