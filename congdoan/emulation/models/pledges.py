"""A cluster's emulation pledge: criteria, signatories, scores and the ranking."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import PledgeStatus


class Pledge(models.Model):
    """A cluster's yearly emulation pledge (giao ước thi đua) with its scoring sheet."""

    cluster = models.OneToOneField(
        "org.Cluster", on_delete=models.PROTECT, related_name="pledge", verbose_name=_("cụm, khối")
    )
    content = models.TextField(_("nội dung giao ước"))
    head_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("cụm trưởng, khối trưởng")
    )
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    signed_at_place = models.CharField(_("địa điểm ký"), max_length=150, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=PledgeStatus.choices, default=PledgeStatus.DRAFT
    )
    ranked_on = models.DateField(_("ngày xếp hạng"), null=True, blank=True)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")

    def __str__(self):
        return str(self.cluster)


class PledgeCriterion(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tiêu chí"), max_length=255)
    max_points = models.PositiveSmallIntegerField(_("điểm tối đa"))

    class Meta:
        ordering = ["pledge_id", "order"]
        verbose_name = _("tiêu chí chấm điểm")
        verbose_name_plural = _("tiêu chí chấm điểm")
        constraints = [models.UniqueConstraint(fields=["pledge", "order"], name="criterion_order")]

    def __str__(self):
        return self.name


class PledgeSignatory(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatories")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    signer_name = models.CharField(_("người ký"), max_length=150)
    signer_title = models.CharField(_("chức vụ"), max_length=150, blank=True)

    class Meta:
        ordering = ["unit__name"]
        verbose_name = _("đơn vị ký giao ước")
        verbose_name_plural = _("đơn vị ký giao ước")
        constraints = [models.UniqueConstraint(fields=["pledge", "unit"], name="signatory_unique")]

    def __str__(self):
        return self.signer_name


class PledgeScore(models.Model):
    """A member unit's points on one criterion: its own, and the head's reviewed figure."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(PledgeCriterion, on_delete=models.CASCADE, related_name="scores")
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=5, decimal_places=1)
    reviewed_points = models.DecimalField(
        _("điểm cụm trưởng thẩm định"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    review_note = models.CharField(_("ghi chú thẩm định"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        constraints = [models.UniqueConstraint(fields=["unit", "criterion"], name="score_unit_criterion")]

    def __str__(self):
        return f"{self.unit_id}/{self.criterion_id}: {self.final_points}"

    @property
    def final_points(self):
        return self.self_points if self.reviewed_points is None else self.reviewed_points


class PledgeResult(models.Model):
    """The cluster's ranking of one member (written when the head ranks)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    total = models.DecimalField(_("tổng điểm"), max_digits=6, decimal_places=1)
    rank = models.PositiveSmallIntegerField(_("thứ hạng"))
    tie_note = models.CharField(_("cách phân định khi bằng điểm"), max_length=255, blank=True)

    class Meta:
        ordering = ["pledge_id", "rank"]
        verbose_name = _("kết quả xếp hạng")
        verbose_name_plural = _("kết quả xếp hạng")
        constraints = [models.UniqueConstraint(fields=["pledge", "unit"], name="result_unique")]

    def __str__(self):
        return f"{self.rank}. {self.unit_id}"
