from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """A domain event: who did what to which object, when, with the state before and after."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("người thực hiện"),
    )
    action = models.CharField(_("thao tác"), max_length=64, db_index=True)
    summary = models.CharField(_("nội dung"), max_length=500)
    unit = models.ForeignKey(
        "org.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("đơn vị"),
    )
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    decision_no = models.CharField(_("số quyết định"), max_length=64, blank=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("sự kiện")
        verbose_name_plural = _("nhật ký")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return self.summary
