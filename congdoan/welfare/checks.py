"""Checks on the amounts and beneficiaries of payments, at entry and at approval (issue 19 §1 and §6).

- At entry an amount above 10^12 đ or above the programme's per-member limit (counting what the person
  already has in the programme) is refused; a person already in the programme's list is refused unless a
  reason for a second payment is given.
- At entry and at approval an amount far from the programme's standard amount is a warning (1.000.000 typed
  as 1 đ), and the approver sees every person listed more than once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Sum
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.money import MAX_AMOUNT, format_vnd

from .models import Payment, Programme

# An amount below a third of the standard amount, or above three times it, is worth a second look.
FAR_FACTOR = 3


def standing_payments(programme: Programme, *, member=None, worker_cccd: str = ""):
    """The programme's payments to one person that still stand: not a reversal, not reversed."""
    qs = Payment.objects.filter(programme=programme, reverses__isnull=True).exclude(
        Exists(Payment.objects.filter(reverses=OuterRef("pk")))
    )
    if member is not None:
        return qs.filter(member=member)
    return qs.filter(member__isnull=True, worker_cccd=worker_cccd)


def check_entry(
    *, programme: Programme, member, worker_cccd: str, name: str, amount: int, repeat_reason: str
) -> None:
    """Refuse an amount out of bounds or a person already listed (unless ``repeat_reason``)."""
    if amount > MAX_AMOUNT:
        raise ValidationError(
            {
                "amount": _("Số tiền %(a)s vượt mức tối đa %(m)s.")
                % {"a": format_vnd(amount), "m": format_vnd(MAX_AMOUNT)}
            }
        )
    standing = standing_payments(programme, member=member, worker_cccd=worker_cccd)
    earlier = list(standing.order_by("id")[:3])
    if earlier and not repeat_reason:
        first = earlier[0]
        raise ValidationError(
            {
                "member": _(
                    "%(n)s đã có trong danh sách của chương trình này (%(a)s, ngày %(d)s). "
                    "Nếu đây là lần chi thứ hai, hãy ghi lý do chi thêm."
                )
                % {"n": name, "a": format_vnd(first.amount), "d": format_date(first.paid_on)}
            }
        )
    if programme.per_member_limit:
        had = standing.aggregate(total=Sum("amount"))["total"] or 0
        if had + amount > programme.per_member_limit:
            raise ValidationError(
                {
                    "amount": _("%(n)s sẽ nhận tổng %(t)s, vượt mức tối đa mỗi người %(l)s của chương trình.")
                    % {"n": name, "t": format_vnd(had + amount), "l": format_vnd(programme.per_member_limit)}
                }
            )


def amount_is_far(programme: Programme, amount: int) -> bool:
    standard = programme.standard_amount or 0
    return standard > 0 and amount > 0 and (amount * FAR_FACTOR < standard or amount > standard * FAR_FACTOR)


def amount_warning(programme: Programme, amount: int, name: str = "") -> str:
    """A sentence when ``amount`` is far from the programme's standard amount, else ""."""
    if not amount_is_far(programme, amount):
        return ""
    who = _("%(n)s: ") % {"n": name} if name else ""
    return _("%(who)ssố tiền %(a)s khác xa mức hỗ trợ %(s)s của chương trình — hãy kiểm tra lại.") % {
        "who": who,
        "a": format_vnd(amount),
        "s": format_vnd(programme.standard_amount),
    }


def approval_warnings(programme: Programme, payments: Sequence[Payment]) -> list[str]:
    """What the approver must read besides earlier support: amounts far from the standard, repeats.

    A person with more than one standing payment in the programme is named with the count, the total and the
    reasons given for the payments after the first.
    """
    warnings = []
    for p in payments:
        if p.amount > 0 and (text := amount_warning(programme, p.amount, p.beneficiary_name)):
            warnings.append(text)
    member_ids = {p.member_id for p in payments if p.member_id}
    cccds = {p.worker_cccd for p in payments if not p.member_id and p.worker_cccd}
    standing = Payment.objects.filter(programme=programme, reverses__isnull=True).exclude(
        Exists(Payment.objects.filter(reverses=OuterRef("pk")))
    )
    repeats: dict = defaultdict(list)
    for other in standing.filter(
        Q(member_id__in=member_ids) | Q(member__isnull=True, worker_cccd__in=cccds)
    ).order_by("id"):
        repeats[other.member_id or other.worker_cccd].append(other)
    named = {p.member_id or p.worker_cccd: p.beneficiary_name for p in payments}
    for key, group in repeats.items():
        if len(group) < 2:
            continue
        reasons = "; ".join(p.repeat_reason for p in group if p.repeat_reason)
        warnings.append(
            _("%(n)s được chi %(k)s lần trong chương trình này (tổng %(t)s)%(r)s.")
            % {
                "n": named.get(key, ""),
                "k": len(group),
                "t": format_vnd(sum(p.amount for p in group)),
                "r": (_("; lý do chi thêm: %(r)s") % {"r": reasons}) if reasons else "",
            }
        )
    return warnings
