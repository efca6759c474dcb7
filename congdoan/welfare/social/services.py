"""Writes of social work: donors, gifts (one by one, or a whole Excel list at once), each audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.money import MAX_AMOUNT, format_vnd
from congdoan.core.scoping import Scope
from congdoan.core.text import fold

from ..constants import DonorKind, GiftForm, GiftRecipient
from ..models import Donor, Gift, Programme
from ..services._common import _unit_takes_part


def _clean_name(name: str) -> str:
    return " ".join((name or "").split())[:255]


@transaction.atomic
def donor_create(*, scope: Scope, owner, name: str, kind: str, contact: str = "") -> Donor:
    scope.require_can(owner)
    name = _clean_name(name)
    if not name:
        raise ValidationError({"name": _("Hãy nhập tên nhà tài trợ.")})
    if kind not in DonorKind.values:
        raise ValidationError({"kind": _("Loại nhà tài trợ không hợp lệ.")})
    if Donor.objects.filter(owner=owner, name_folded=fold(name)).exists():
        raise ValidationError({"name": _("%(u)s đã có nhà tài trợ “%(n)s”.") % {"u": owner.name, "n": name}})
    donor = Donor.objects.create(
        owner=owner, name=name, name_folded=fold(name), kind=kind, contact=_clean_name(contact)
    )
    event_record(
        actor=scope.actor,
        action="welfare.donor_create",
        summary=_("Thêm nhà tài trợ “%(n)s”") % {"n": name},
        unit=owner,
        obj=donor,
    )
    return donor


def _build_gift(
    *,
    scope: Scope,
    unit,
    donor: Donor | None,
    programme: Programme | None,
    recipient_kind: str,
    recipient_name: str,
    value: int | None,
    given_on: dt.date | None,
    form: str = GiftForm.CASH,
    description: str = "",
) -> Gift:
    scope.require_can(unit)
    errors: dict[str, str] = {}
    recipient_name = _clean_name(recipient_name)
    if not recipient_name:
        errors["recipient_name"] = _("Hãy ghi người hoặc nơi nhận.")
    if recipient_kind not in GiftRecipient.values:
        errors["recipient_kind"] = _("Hãy chọn đối tượng nhận.")
    if (form or GiftForm.CASH) not in GiftForm.values:
        errors["form"] = _("Hình thức không hợp lệ.")
    if value is None or value <= 0:
        errors["value"] = _("Giá trị phải lớn hơn 0.")
    elif value > MAX_AMOUNT:
        errors["value"] = _("Giá trị vượt mức tối đa %(m)s.") % {"m": format_vnd(MAX_AMOUNT)}
    if given_on is None:
        errors["given_on"] = _("Hãy nhập ngày trao.")
    elif given_on > today():
        errors["given_on"] = _("Ngày trao %(d)s chưa đến.") % {"d": format_date(given_on)}
    if donor is not None and not unit.path.startswith(donor.owner.path):
        errors["donor"] = _("Nhà tài trợ “%(n)s” do %(o)s vận động, không phải đơn vị này hay cấp trên.") % {
            "n": donor.name,
            "o": donor.owner.name,
        }
    if programme is not None and not _unit_takes_part(programme, unit):
        errors["programme"] = _("Đơn vị %(u)s không tham gia chương trình “%(p)s”.") % {
            "u": unit.name,
            "p": programme.name,
        }
    if errors:
        raise ValidationError(errors)
    return Gift(
        unit=unit,
        donor=donor,
        programme=programme,
        recipient_kind=recipient_kind,
        recipient_name=recipient_name,
        form=form or GiftForm.CASH,
        value=value,
        given_on=given_on,
        description=_clean_name(description),
        created_by=user_or_none(scope.actor),
    )


@transaction.atomic
def gift_create(*, scope: Scope, unit, **fields) -> Gift:
    """Record one gift to people who are not members (``fields`` as ``Gift``'s, donor and programme optional)."""
    fields.setdefault("donor", None)
    fields.setdefault("programme", None)
    gift = _build_gift(scope=scope, unit=unit, **fields)
    gift.save()
    event_record(
        actor=scope.actor,
        action="welfare.gift_create",
        summary=_("Trao tặng %(r)s: %(v)s") % {"r": gift.recipient_name, "v": format_vnd(gift.value)},
        unit=unit,
        obj=gift,
    )
    return gift


@transaction.atomic
def gift_delete(*, scope: Scope, gift: Gift) -> None:
    scope.require_can(gift.unit)
    event_record(
        actor=scope.actor,
        action="welfare.gift_delete",
        summary=_("Xoá quà tặng %(r)s: %(v)s") % {"r": gift.recipient_name, "v": format_vnd(gift.value)},
        unit=gift.unit,
        before={"recipient": gift.recipient_name, "value": gift.value, "given_on": gift.given_on.isoformat()},
    )
    gift.delete()


def _row_donor(scope: Scope, row: dict, unit, made: dict) -> Donor | None:
    """The donor a row names, among those of its unit and the units above; a new name becomes a donor of
    ``unit`` (its kind from the row). ``made`` keeps donors created earlier in the same import."""
    name = _clean_name(row.get("donor", ""))
    if not name:
        return None
    for donor in made.get(unit.pk, []):
        if donor.name_folded == fold(name):
            return donor
    found = Donor.objects.filter(owner__path__in=_paths(unit.path), name_folded=fold(name)).select_related(
        "owner"
    )
    donor = max(found, key=lambda d: len(d.owner.path), default=None)
    if donor is not None:
        return donor
    if not row.get("donor_kind"):
        raise ValidationError(
            _("nhà tài trợ “%(n)s” chưa có trong danh sách, hãy ghi “Loại nhà tài trợ”.") % {"n": name}
        )
    donor = donor_create(scope=scope, owner=unit, name=name, kind=row["donor_kind"])
    made.setdefault(unit.pk, []).append(donor)
    return donor


def _paths(path: str) -> list[str]:
    parts = [p for p in path.strip("/").split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


@transaction.atomic
def gifts_import(
    *, scope: Scope, rows: list[dict], units: dict, unit=None, programme: Programme | None = None
) -> list[Gift]:
    """Record a list of gifts read from Excel: all or nothing, every bad row named ("Dòng N: …").

    ``rows`` as ``social.excel.gift_rows`` reads them (values parsed, "errors" for cells that were not);
    ``units`` the units the rows name by code; a row without a code is for ``unit``.
    """
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    errors: list[str] = []
    gifts: list[Gift] = []
    made: dict = {}
    for row in rows:
        line = row["row"]
        if row["errors"]:
            errors += [_("Dòng %(r)s: %(m)s") % {"r": line, "m": m} for m in row["errors"]]
            continue
        target = units.get(row["unit_code"].upper()) if row["unit_code"] else unit
        if target is None or not scope.can(target):
            what = row["unit_code"] or _("(chưa chọn đơn vị)")
            errors.append(
                _("Dòng %(r)s: đơn vị “%(c)s” không có hoặc ngoài phạm vi của bạn.") % {"r": line, "c": what}
            )
            continue
        try:
            with transaction.atomic():
                donor = _row_donor(scope, row, target, made)
            gift = _build_gift(
                scope=scope,
                unit=target,
                donor=donor,
                programme=programme,
                recipient_kind=row["recipient_kind"],
                recipient_name=row["recipient_name"],
                form=row["form"],
                value=row["value"],
                given_on=row["given_on"],
                description=row["description"],
            )
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(_("Dòng %(r)s: %(m)s") % {"r": line, "m": " ".join(messages)})
            continue
        gifts.append(gift)
    if errors:
        raise ValidationError(errors)
    made_gifts = Gift.objects.bulk_create(gifts)
    total = sum(g.value for g in made_gifts)
    event_record(
        actor=scope.actor,
        action="welfare.gifts_import",
        summary=_("Nhập %(n)s quà tặng công tác xã hội từ Excel, tổng %(v)s")
        % {"n": len(made_gifts), "v": format_vnd(total)},
        unit=unit or made_gifts[0].unit,
    )
    return made_gifts
