"""A review (báo cáo tổng kết / sơ kết) as a document: the text the officer edits, the facts it was drafted
from (a snapshot and its digest, to say when the figures changed since), and its number and date once
issued, which lock it until the level above reopens it (audited)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congdoan.org.models import Unit


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    class SignerRole(models.TextChoices):
        """Who signs for the executive committee (Nghị định 30/2020: TM. BAN CHẤP HÀNH, then the title)."""

        CHAIR = "chair", _("Chủ tịch")
        VICE_CHAIR = "vice_chair", _("KT. Chủ tịch — Phó Chủ tịch")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("đơn vị"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    title = models.CharField(_("tên báo cáo"), max_length=255)
    # The three parts the officer writes: paragraphs separated by an empty line.
    results = models.TextField(_("kết quả thực hiện nhiệm vụ"), blank=True)
    assessment = models.TextField(_("đánh giá chung"), blank=True)
    directions = models.TextField(_("phương hướng, nhiệm vụ kỳ tới"), blank=True)
    # The signer and "Nơi nhận" the officer sets; empty: the chair (or a vice-chair) in office per the congress
    # records, and the usual recipients. Issuing writes what was printed here, so an issued review keeps it.
    signer_role = models.CharField(
        _("chức vụ người ký"), max_length=16, choices=SignerRole.choices, blank=True
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=150, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    # What the draft was written from: the facts and charts as they were, and a digest of the facts.
    facts = models.JSONField(_("số liệu khi soạn"), default=list)
    charts = models.JSONField(_("biểu đồ khi soạn"), default=list)
    facts_digest = models.CharField(_("dấu số liệu"), max_length=64)
    drafted_on = models.DateField(_("ngày lấy số liệu"))
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    number = models.CharField(_("số văn bản"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-end", "unit__path"]
        verbose_name = _("báo cáo tổng kết, sơ kết")
        verbose_name_plural = _("báo cáo tổng kết, sơ kết")
        constraints = [
            models.UniqueConstraint(fields=["unit", "start", "end"], name="review_unique_unit_period"),
            models.UniqueConstraint(
                fields=["unit", "number"], condition=~Q(number=""), name="review_unique_unit_number"
            ),
        ]

    def __str__(self):
        return f"{self.title} — {self.unit.name}"

    def get_absolute_url(self):
        return reverse("documents:review_page", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED
