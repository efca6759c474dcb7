"""Notices to officers: reminders from the level above, reports returned or approved — read in the app, and by
e-mail where the officer has an address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Nhắc nhở")
        RETURNED = "returned", _("Trả lại")
        APPROVED = "approved", _("Đã duyệt")
        INFO = "info", _("Thông tin")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("người nhận"),
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người gửi"),
    )
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.INFO)
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("lúc gửi"), auto_now_add=True)
    read_at = models.DateTimeField(_("lúc đọc"), null=True, blank=True)
    emailed = models.BooleanField(_("đã gửi thư"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["recipient", "read_at"], name="inbox_notice_unread")]

    def __str__(self):
        return self.title
