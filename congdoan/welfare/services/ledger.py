"""The hook to the finance ledger: approved payments from union money draw on the ledger of the paying level."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from congdoan.finance import services as finance_services
from congdoan.org import selectors as org_selectors

from ..constants import FundKind
from ..models import PaymentSplit

# The level of the tree (org UnitKind.level) whose money each union fund source is.
FUND_LEVEL = {
    FundKind.GRASSROOTS: 3,
    FundKind.DIRECTLY_SUPERIOR: 2,
    FundKind.PROVINCIAL: 1,
    FundKind.NATIONAL: 0,
}


def ledger_post(payment_ids, *, actor) -> None:
    """Book the union-money splits of these approved payments (or reversals) as member-care spending of the
    unit of the fund's level on the beneficiary's path (the programme's owner when there is none)."""
    splits = PaymentSplit.objects.filter(payment_id__in=list(payment_ids), fund__kind__in=list(FUND_LEVEL))
    totals: dict[tuple, int] = defaultdict(int)
    for split in splits.select_related("payment__unit", "payment__programme__owner", "fund"):
        payment = split.payment
        unit = org_selectors.unit_at_level_on_path(payment.unit, FUND_LEVEL[split.fund.kind])
        unit = unit or payment.programme.owner
        totals[(unit, payment.paid_on, payment.programme)] += split.amount
    for (unit, on, programme), amount in totals.items():
        memo = _("Chi chăm lo: %(p)s") % {"p": programme.name}
        finance_services.spending_post(
            unit=unit, on=on, amount=amount, memo=memo, source=f"welfare:{programme.pk}", actor=actor
        )
