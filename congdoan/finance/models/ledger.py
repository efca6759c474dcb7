"""The ledger of each unit (sổ thu chi) and the transfers between levels computed from the splits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import Line, SplitKind


class Transfer(models.Model):
    """What a unit owes the level directly above for one month's dues or fund, and what it has received."""

    from_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="transfers_out")
    to_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="transfers_in")
    kind = models.CharField(_("khoản"), max_length=8, choices=SplitKind.choices)
    month = models.DateField(_("tháng"))
    collected = models.BigIntegerField(_("số đã thu (đồng)"))
    owed = models.BigIntegerField(_("phải nộp cấp trên (đồng)"))
    received = models.BigIntegerField(_("cấp trên đã nhận (đồng)"), default=0)
    received_on = models.DateField(_("ngày nhận"), null=True, blank=True)

    class Meta:
        ordering = ["-month", "from_unit_id", "kind"]
        verbose_name = _("khoản nộp cấp trên")
        verbose_name_plural = _("khoản nộp cấp trên")
        indexes = [models.Index(fields=["to_unit", "month"]), models.Index(fields=["from_unit", "month"])]

    def __str__(self):
        return f"{self.from_unit_id}→{self.to_unit_id} {self.kind} {self.month:%m/%Y}"

    @property
    def outstanding(self) -> int:
        return self.owed - self.received


class LedgerEntry(models.Model):
    """One line of a unit's ledger; never edited: a correction is a reversing entry (negative amount).

    ``transfer`` marks the two legs of a transfer between levels: a consolidated roll-up of a subtree
    leaves them out (they only move money inside it)."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="ledger_entries", verbose_name=_("đơn vị")
    )
    on = models.DateField(_("ngày"))
    line = models.CharField(_("khoản mục"), max_length=8, choices=Line.choices)
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    memo = models.CharField(_("nội dung"), max_length=255)
    source = models.CharField(max_length=40, blank=True, help_text="kind:id of what posted it")
    transfer = models.ForeignKey(Transfer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit_id", "on", "id"]
        verbose_name = _("bút toán")
        verbose_name_plural = _("sổ thu chi")
        indexes = [models.Index(fields=["unit", "on"]), models.Index(fields=["source"])]

    def __str__(self):
        return f"{self.line} {self.amount}"
