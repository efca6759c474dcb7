"""Cluster pledges: the sheet and signatories, signing, self-scoring, the head's review, ranking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise

from ..constants import PledgeStatus
from ..models import Pledge, PledgeCriterion, PledgeResult, PledgeScore, PledgeSignatory
from ..ranking import rank_rows
from ._common import require


def _require_head(scope: Scope, pledge: Pledge) -> None:
    if not (scope.can(pledge.head_unit) or scope.can(pledge.cluster.owner)):
        raise PermissionDenied(
            _("Chỉ cụm trưởng, khối trưởng hoặc đơn vị tổ chức cụm mới được thực hiện việc này.")
        )


@transaction.atomic
def pledge_save(
    *,
    scope: Scope,
    cluster,
    content: str,
    criteria: Sequence[tuple[str, int]],
    signatories: Sequence[tuple[object, str, str]],
    head_unit=None,
) -> Pledge:
    """Draft (or redraft) a cluster's pledge: content, scoring sheet, signatory units and signers."""
    head_unit = head_unit or cluster.head_unit
    require(head_unit is not None, _("Cần chọn cụm trưởng, khối trưởng."), "head_unit")
    if not (scope.can(cluster.owner) or scope.can(head_unit)):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức cụm hoặc cụm trưởng được soạn giao ước."))
    member_ids = set(cluster.members.values_list("id", flat=True))
    require(head_unit.pk in member_ids, _("Cụm trưởng phải là một đơn vị thành viên."), "head_unit")
    require(bool(content and content.strip()), _("Cần nhập nội dung giao ước."), "content")
    require(bool(criteria), _("Bảng điểm cần ít nhất một tiêu chí."), "criteria")
    for index, (name, points) in enumerate(criteria, start=1):
        require(bool(normalise(name)), _("Tiêu chí %(i)s: cần nhập tên tiêu chí.") % {"i": index}, "criteria")
        require(
            isinstance(points, int) and 0 < points <= 1000,
            _("Tiêu chí %(i)s (“%(n)s”): điểm tối đa phải là số nguyên dương.") % {"i": index, "n": name},
            "criteria",
        )
    for unit, signer, _title in signatories:
        require(
            unit.pk in member_ids,
            _("“%(u)s” không phải đơn vị thành viên của cụm.") % {"u": unit.name},
            "signatories",
        )
        require(
            bool(normalise(signer)), _("Cần nhập người ký của “%(u)s”.") % {"u": unit.name}, "signatories"
        )
    pledge = Pledge.objects.filter(cluster=cluster).first()
    if pledge is not None:
        require(
            pledge.status == PledgeStatus.DRAFT,
            _("Giao ước đã ký kết, không sửa được nữa."),
        )
    else:
        pledge = Pledge(cluster=cluster)
    pledge.content, pledge.head_unit = content.strip(), head_unit
    pledge.full_clean()
    pledge.save()
    pledge.criteria.all().delete()
    for order, (name, points) in enumerate(criteria, start=1):
        PledgeCriterion.objects.create(pledge=pledge, order=order, name=normalise(name), max_points=points)
    pledge.signatories.all().delete()
    for unit, signer, title in signatories:
        PledgeSignatory.objects.create(
            pledge=pledge, unit=unit, signer_name=normalise(signer), signer_title=normalise(title)
        )
    event_record(
        actor=scope.actor,
        action="emulation.pledge.save",
        unit=cluster.owner,
        obj=pledge,
        summary=_("Soạn giao ước thi đua của “%(c)s”") % {"c": str(cluster)},
    )
    return pledge


@transaction.atomic
def pledge_sign(
    *,
    scope: Scope,
    pledge: Pledge,
    signed_on: dt.date,
    place: str = "",
) -> Pledge:
    """Sign the pledge: every member unit must have a signer."""
    pledge = (
        Pledge.objects.select_for_update().select_related("cluster__owner", "head_unit").get(pk=pledge.pk)
    )
    _require_head(scope, pledge)
    require(pledge.status == PledgeStatus.DRAFT, _("Giao ước đã được ký kết."))
    require(signed_on is not None, _("Cần nhập ngày ký."), "signed_on")
    signed = set(pledge.signatories.values_list("unit_id", flat=True))
    missing = [u.name for u in pledge.cluster.members.order_by("name") if u.pk not in signed]
    require(
        not missing,
        _("Còn đơn vị chưa có người ký: %(n)s.") % {"n": ", ".join(missing)},
        "signatories",
    )
    pledge.status, pledge.signed_on, pledge.signed_at_place = PledgeStatus.SIGNED, signed_on, normalise(place)
    pledge.save(update_fields=["status", "signed_on", "signed_at_place"])
    event_record(
        actor=scope.actor,
        action="emulation.pledge.sign",
        unit=pledge.cluster.owner,
        obj=pledge,
        summary=_("Ký kết giao ước thi đua “%(c)s” ngày %(d)s")
        % {"c": str(pledge.cluster), "d": format_date(signed_on)},
    )
    return pledge


def _parse_points(pledge: Pledge, points: Mapping[int, object], *, partial: bool) -> dict:
    criteria = {c.pk: c for c in pledge.criteria.all()}
    parsed = {}
    for criterion in criteria.values():
        raw = points.get(criterion.pk, points.get(str(criterion.pk)))
        if raw is None or raw == "":
            require(
                partial,
                _("Tiêu chí “%(n)s”: cần nhập điểm.") % {"n": criterion.name},
                f"criterion_{criterion.pk}",
            )
            continue
        try:
            value = Decimal(str(raw).replace(",", "."))
        except InvalidOperation:
            value = None
        require(
            value is not None and value.is_finite() and 0 <= value <= criterion.max_points,
            _("Tiêu chí “%(n)s”: điểm phải từ 0 đến %(m)s (đã nhập “%(v)s”).")
            % {"n": criterion.name, "m": criterion.max_points, "v": raw},
            f"criterion_{criterion.pk}",
        )
        require(
            value == value.quantize(Decimal("0.1")),
            _("Tiêu chí “%(n)s”: điểm chỉ lẻ đến 0,1.") % {"n": criterion.name},
            f"criterion_{criterion.pk}",
        )
        parsed[criterion] = value
    unknown = {str(k) for k in points} - {str(k) for k in criteria}
    require(not unknown, _("Tiêu chí không thuộc bảng điểm của giao ước này."))
    return parsed


@transaction.atomic
def pledge_self_score(
    *,
    scope: Scope,
    pledge: Pledge,
    unit,
    points: Mapping[int, object],
) -> list[PledgeScore]:
    """A member unit scores itself on every criterion (0..max)."""
    scope.require_can(unit)
    pledge = Pledge.objects.select_for_update().select_related("cluster").get(pk=pledge.pk)
    require(pledge.status == PledgeStatus.SIGNED, _("Chỉ chấm điểm khi giao ước đã ký và chưa xếp hạng."))
    require(
        pledge.cluster.members.filter(pk=unit.pk).exists(),
        _("“%(u)s” không phải đơn vị thành viên của cụm.") % {"u": unit.name},
    )
    parsed = _parse_points(pledge, points, partial=False)
    scores = []
    for criterion, value in parsed.items():
        score, _created = PledgeScore.objects.update_or_create(
            pledge=pledge, unit=unit, criterion=criterion, defaults={"self_points": value}
        )
        scores.append(score)
    event_record(
        actor=scope.actor,
        action="emulation.pledge.self_score",
        unit=unit,
        obj=pledge,
        summary=_("“%(u)s” tự chấm %(t)s điểm theo giao ước “%(c)s”")
        % {"u": unit.name, "t": sum(parsed.values()), "c": str(pledge.cluster)},
    )
    return scores


@transaction.atomic
def pledge_review(
    *,
    scope: Scope,
    pledge: Pledge,
    unit,
    points: Mapping[int, object],
    note: str = "",
) -> list[PledgeScore]:
    """The head adjusts a member's self-scores (criteria left empty keep the member's own points)."""
    pledge = (
        Pledge.objects.select_for_update().select_related("cluster__owner", "head_unit").get(pk=pledge.pk)
    )
    _require_head(scope, pledge)
    require(pledge.status == PledgeStatus.SIGNED, _("Chỉ thẩm định khi giao ước đã ký và chưa xếp hạng."))
    existing = {s.criterion_id: s for s in PledgeScore.objects.filter(pledge=pledge, unit=unit)}
    require(bool(existing), _("“%(u)s” chưa tự chấm điểm.") % {"u": unit.name})
    parsed = _parse_points(pledge, points, partial=True)
    for criterion, value in parsed.items():
        score = existing[criterion.pk]
        score.reviewed_points, score.review_note = value, normalise(note)
        score.save(update_fields=["reviewed_points", "review_note"])
    event_record(
        actor=scope.actor,
        action="emulation.pledge.review",
        unit=unit,
        obj=pledge,
        summary=_("Cụm trưởng thẩm định điểm của “%(u)s”") % {"u": unit.name},
    )
    return list(existing.values())


@transaction.atomic
def pledge_rank(
    *,
    scope: Scope,
    pledge: Pledge,
    on: dt.date | None = None,
) -> list:
    """Rank the cluster's members by final points; ties are broken deterministically and explained."""
    pledge = (
        Pledge.objects.select_for_update().select_related("cluster__owner", "head_unit").get(pk=pledge.pk)
    )
    _require_head(scope, pledge)
    require(pledge.status == PledgeStatus.SIGNED, _("Chỉ xếp hạng khi giao ước đã ký và chưa xếp hạng."))
    criteria = list(pledge.criteria.all())
    scores = {}
    for s in PledgeScore.objects.filter(pledge=pledge):
        scores.setdefault(s.unit_id, {})[s.criterion_id] = s.final_points
    members = list(pledge.cluster.members.order_by("code"))
    missing = [u.name for u in members if len(scores.get(u.pk, {})) < len(criteria)]
    require(not missing, _("Còn đơn vị chưa chấm đủ điểm: %(n)s.") % {"n": ", ".join(missing)})
    rows = [(u, [scores[u.pk][c.pk] for c in criteria], u.code) for u in members]
    ranked = rank_rows(rows, [c.name for c in criteria])
    pledge.results.all().delete()
    results = [
        PledgeResult.objects.create(pledge=pledge, unit=unit, total=total, rank=rank, tie_note=note)
        for unit, total, rank, note in ranked
    ]
    pledge.status, pledge.ranked_on = PledgeStatus.RANKED, on or today()
    pledge.save(update_fields=["status", "ranked_on"])
    event_record(
        actor=scope.actor,
        action="emulation.pledge.rank",
        unit=pledge.cluster.owner,
        obj=pledge,
        summary=_("Xếp hạng %(n)s đơn vị của “%(c)s”; dẫn đầu: %(u)s")
        % {"n": len(results), "c": str(pledge.cluster), "u": results[0].unit.name},
    )
    return results
