"""Nominations (hồ sơ đề nghị): preparing, attaching documents, submitting (the council's vote: ``council``).

The workflow is ``constants.NOMINATION_TRANSITIONS``; every transition below checks it first.
"""

from __future__ import annotations

import datetime as dt
import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from .. import eligibility
from ..constants import (
    DOCUMENT_TYPES,
    LEVEL_DEPTH,
    MAX_DOCUMENT_BYTES,
    NOMINATION_TRANSITIONS,
    OUTSIDE_LEVELS,
    EligibilityRule,
    NominationStatus,
    Recipient,
)
from ..models import AwardKind, Nomination, NominationDocument, PledgeResult
from ..selectors import eligibility_inputs, is_registered
from ._common import kind_in_force, require, within

OPEN_STATUSES = [
    NominationStatus.DRAFT,
    NominationStatus.SUBMITTED,
    NominationStatus.ACCEPTED,
    NominationStatus.AWARDED,
]


def transition(nomination: Nomination, to: str) -> None:
    """Move ``nomination`` to status ``to`` or refuse with a Vietnamese message naming both states."""
    current = NominationStatus(nomination.status)
    if to not in NOMINATION_TRANSITIONS[current]:
        raise ValidationError(
            _("Không thể chuyển hồ sơ từ trạng thái “%(a)s” sang “%(b)s”.")
            % {"a": current.label, "b": NominationStatus(to).label}
        )
    nomination.status = to


def granting_unit_for(unit: Unit, kind: AwardKind) -> Unit | None:
    """The unit at the award's granting level on ``unit``'s path (itself or an ancestor)."""
    if kind.granting_level not in LEVEL_DEPTH:  # a body outside the union
        return None
    return org_selectors.unit_at_level_on_path(unit, LEVEL_DEPTH[kind.granting_level])


def eligibility_reasons(*, kind: AwardKind, member, nominee_unit, year: int, on: dt.date) -> list[str]:
    """Why ``member`` (or ``nominee_unit``) cannot be proposed for ``kind`` in ``year``; empty if it can."""
    reasons = []
    if kind.requires_registration and not is_registered(
        kind=kind, year=year, member=member, unit=nominee_unit
    ):
        reasons.append(
            _("Chưa đăng ký danh hiệu “%(k)s” năm %(y)s (chỉ đối tượng đã đăng ký mới được đề nghị).")
            % {"k": kind.name, "y": year}
        )
    if member is None:
        return reasons
    data = eligibility_inputs(member=member, year=year, kind=kind)
    if kind.rule == EligibilityRule.GENERAL:
        reasons += eligibility.general_exclusions(
            on=on,
            year=year,
            joined_on=member.joined_on,
            # A kind requiring registration has had its own, more precise check above.
            registered=data["registered_any"] or kind.requires_registration,
            absences=data["absences"],
            disciplines=data["disciplines"],
        )
    elif kind.rule == EligibilityRule.MEDAL:
        verdict = eligibility.medal_eligibility(
            posts=data["posts"],
            disciplines=data["disciplines"],
            on=on,
            already_awarded=data["already_awarded"],
        )
        reasons += verdict.reasons
    if kind.once_per_person and kind.rule != EligibilityRule.MEDAL and data["already_awarded"]:
        reasons.append(_("Đã được tặng “%(k)s” (chỉ tặng một lần).") % {"k": kind.name})
    return reasons


@transaction.atomic
def nomination_create(
    *,
    scope: Scope,
    proposing_unit: Unit,
    award_kind: AwardKind,
    year: int,
    achievements: str,
    member=None,
    nominee_unit: Unit | None = None,
    cluster_result: PledgeResult | None = None,
    on: dt.date | None = None,
) -> Nomination:
    """Prepare a nomination file; refuses nominees that are outside the unit or not eligible."""
    scope.require_can(proposing_unit)
    on = on or today()
    require(
        award_kind.granting_level not in OUTSIDE_LEVELS,
        _("“%(k)s” do %(l)s khen thưởng: ghi nhận quyết định đó ở mục “Quyết định tiếp nhận”.")
        % {"k": award_kind.name, "l": award_kind.get_granting_level_display()},
        "award_kind",
    )
    award_kind = kind_in_force(award_kind, on, field="award_kind")
    if award_kind.recipient == Recipient.INDIVIDUAL:
        require(member is not None, _("Cần chọn cá nhân được đề nghị."), "member")
        require(
            within(member.unit, proposing_unit),
            _("Đoàn viên %(m)s không thuộc “%(u)s”.") % {"m": member.full_name, "u": proposing_unit.name},
            "member",
        )
        nominee_unit = member.unit
    else:
        require(member is None, _("“%(k)s” là hình thức cho tập thể.") % {"k": award_kind.name}, "member")
        nominee_unit = nominee_unit or proposing_unit
        require(
            within(nominee_unit, proposing_unit),
            _("“%(n)s” không thuộc “%(u)s”.") % {"n": nominee_unit.name, "u": proposing_unit.name},
            "nominee_unit",
        )
    granting = granting_unit_for(proposing_unit, award_kind)
    require(
        granting is not None,
        _("“%(u)s” không có cấp khen thưởng “%(l)s” ở trên.")
        % {"u": proposing_unit.name, "l": award_kind.get_granting_level_display()},
        "award_kind",
    )
    require(bool(achievements and achievements.strip()), _("Cần nhập tóm tắt thành tích."), "achievements")
    reasons = eligibility_reasons(kind=award_kind, member=member, nominee_unit=nominee_unit, year=year, on=on)
    require(not reasons, " ".join(reasons), "member" if member else "nominee_unit")
    # One create at a time per nominee's unit: two identical parallel requests cannot both pass the check below.
    list(Unit.objects.select_for_update().filter(pk=nominee_unit.pk).values_list("pk"))
    duplicate = Nomination.objects.filter(award_kind__code=award_kind.code, status__in=OPEN_STATUSES)
    if not award_kind.once_per_person:  # for a once-only award, an open file of any year counts
        duplicate = duplicate.filter(year=year)
    duplicate = (
        duplicate.filter(member=member)
        if member
        else duplicate.filter(member__isnull=True, nominee_unit=nominee_unit)
    )
    existing = duplicate.first()
    if existing is not None:
        raise ValidationError(
            _("Đã có hồ sơ đề nghị “%(k)s” năm %(y)s cho đối tượng này (%(s)s).")
            % {"k": award_kind.name, "y": existing.year, "s": existing.get_status_display()}
        )
    if cluster_result is not None:
        require(
            cluster_result.unit_id == nominee_unit.pk,
            _("Kết quả suy tôn không phải của “%(n)s”.") % {"n": nominee_unit.name},
            "cluster_result",
        )
    nomination = Nomination(
        proposing_unit=proposing_unit,
        granting_unit=granting,
        award_kind=award_kind,
        year=year,
        member=member,
        nominee_unit=nominee_unit,
        achievements=achievements.strip(),
        cluster_result=cluster_result,
        created_by=user_or_none(scope.actor),
    )
    nomination.full_clean()
    nomination.save()
    event_record(
        actor=scope.actor,
        action="emulation.nomination.create",
        unit=proposing_unit,
        obj=nomination,
        summary=_("Lập hồ sơ đề nghị “%(k)s” cho %(n)s")
        % {"k": award_kind.name, "n": nomination.nominee_name},
    )
    return nomination


@transaction.atomic
def nominations_from_ranking(
    *,
    scope: Scope,
    pledge,
    award_kind: AwardKind,
    top: int,
    year: int,
) -> list[Nomination]:
    """ "Suy tôn": the cluster's owner proposes its ``top`` ranked members for a collective award."""
    owner = pledge.cluster.owner
    scope.require_can(owner)
    require(award_kind.recipient == Recipient.COLLECTIVE, _("Cần chọn hình thức khen cho tập thể."))
    results = list(pledge.results.select_related("unit").order_by("rank")[:top])
    require(bool(results), _("Cụm, khối chưa xếp hạng."))
    made = []
    for result in results:
        made.append(
            nomination_create(
                proposing_unit=owner,
                award_kind=award_kind,
                year=year,
                nominee_unit=result.unit,
                cluster_result=result,
                achievements=_("Xếp thứ %(r)s/%(n)s trong %(c)s với %(t)s điểm.")
                % {
                    "r": result.rank,
                    "n": pledge.results.count(),
                    "c": str(pledge.cluster),
                    "t": result.total,
                },
                scope=scope,
            )
        )
    return made


def _check_file(uploaded) -> str:
    name = os.path.basename(uploaded.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    require(
        extension in DOCUMENT_TYPES,
        _("Tệp “%(f)s”: chỉ nhận PDF, DOCX, XLSX, JPG, PNG.") % {"f": name},
        "file",
    )
    require(
        uploaded.size <= MAX_DOCUMENT_BYTES,
        _("Tệp “%(f)s” lớn hơn %(m)s MB.") % {"f": name, "m": MAX_DOCUMENT_BYTES // (1024 * 1024)},
        "file",
    )
    require(uploaded.size > 0, _("Tệp “%(f)s” rỗng.") % {"f": name}, "file")
    head = uploaded.read(8)
    uploaded.seek(0)
    require(
        head.startswith(DOCUMENT_TYPES[extension]),
        _("Tệp “%(f)s” không đúng định dạng %(e)s.") % {"f": name, "e": extension.upper()},
        "file",
    )
    return name


@transaction.atomic
def nomination_attach(
    *,
    scope: Scope,
    nomination: Nomination,
    title: str,
    uploaded,
) -> NominationDocument:
    """Attach a document (PDF, DOCX, XLSX, JPG, PNG; at most 10 MB) to a nomination being prepared."""
    scope.require_can(nomination.proposing_unit)
    require(
        nomination.status == NominationStatus.DRAFT,
        _("Chỉ bổ sung tài liệu khi hồ sơ đang lập."),
    )
    name = _check_file(uploaded)
    document = NominationDocument(nomination=nomination, title=normalise(title) or name, size=uploaded.size)
    document.file.save(name, uploaded, save=False)
    document.save()
    event_record(
        actor=scope.actor,
        action="emulation.nomination.attach",
        unit=nomination.proposing_unit,
        obj=nomination,
        summary=_("Đính kèm “%(t)s” vào hồ sơ đề nghị") % {"t": document.title},
    )
    return document


@transaction.atomic
def nomination_submit(
    *,
    scope: Scope,
    nomination: Nomination,
    on=None,
) -> Nomination:
    """Send the nomination to the granting level."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    scope.require_can(nomination.proposing_unit)
    transition(nomination, NominationStatus.SUBMITTED)
    nomination.submitted_on = on or today()
    nomination.save(update_fields=["status", "submitted_on"])
    event_record(
        actor=scope.actor,
        action="emulation.nomination.submit",
        unit=nomination.proposing_unit,
        obj=nomination,
        summary=_("Trình hồ sơ đề nghị “%(k)s” cho %(n)s lên “%(g)s”")
        % {"k": nomination.award_kind.name, "n": nomination.nominee_name, "g": nomination.granting_unit.name},
    )
    return nomination


@transaction.atomic
def nomination_withdraw(
    *,
    scope: Scope,
    nomination: Nomination,
) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    scope.require_can(nomination.proposing_unit)
    transition(nomination, NominationStatus.WITHDRAWN)
    nomination.save(update_fields=["status"])
    event_record(
        actor=scope.actor,
        action="emulation.nomination.withdraw",
        unit=nomination.proposing_unit,
        obj=nomination,
        summary=_("Rút hồ sơ đề nghị cho %(n)s") % {"n": nomination.nominee_name},
    )
    return nomination
