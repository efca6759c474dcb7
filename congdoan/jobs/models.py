"""Background jobs: long work (imports, big exports) with status and progress an officer can watch.

The jobs app knows no domain: the app that owns a piece of long work names its ``kind`` (a code) and
``title`` (what the officer reads), keeps its ``params``, and defines the task that does it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import FINISHED, JobStatus


class Job(models.Model):
    kind = models.CharField(
        _("loại việc"),
        max_length=64,
        help_text=_("Mã loại việc do ứng dụng sở hữu đặt, ví dụ member_import."),
    )
    title = models.CharField(_("tên việc"), max_length=255, blank=True)
    params = models.JSONField(
        _("tham số"), default=dict, blank=True, help_text=_("Điều kiện của việc (bộ lọc khi xuất…).")
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("đã xử lý"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    message = models.CharField(_("thông báo"), max_length=500, blank=True)
    result = models.JSONField(
        _("kết quả"), default=dict, blank=True, help_text=_("Tóm tắt kết quả (số dòng, lỗi từng dòng…).")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị"),
        help_text=_("Đơn vị mà việc này làm cho; ai có quyền trên đơn vị thì xem được việc."),
    )
    input_file = models.FileField(_("tệp đầu vào"), upload_to="jobs/input/%Y/%m/", blank=True)
    input_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to="jobs/result/%Y/%m/", blank=True)
    result_name = models.CharField(_("tên tệp kết quả"), max_length=255, blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tác vụ nền")
        verbose_name_plural = _("tác vụ nền")
        indexes = [models.Index(fields=["created_by", "-created_at"], name="job_user_recent")]

    def __str__(self):
        return f"{self.title or self.kind} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int:
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, self.done * 100 // self.total)
