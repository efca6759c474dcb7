"""What blocks or shortens a member's award: disciplines and days off work."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import DisciplineForm


class Discipline(models.Model):
    """A discipline or administrative fine against a member: blocks awards, and its time does not count."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức"), max_length=12, choices=DisciplineForm.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến hết ngày"), null=True, blank=True)
    decision_no = models.CharField(_("số quyết định"), max_length=64, blank=True)

    class Meta:
        ordering = ["member_id", "starts_on"]
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")

    def __str__(self):
        return self.get_form_display()


class WorkAbsence(models.Model):
    """Days a member was off work in a year; maternity leave does not count against awards."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="absences")
    year = models.PositiveSmallIntegerField(_("năm"))
    days = models.PositiveSmallIntegerField(_("số ngày nghỉ"))
    is_maternity = models.BooleanField(_("nghỉ thai sản"), default=False)

    class Meta:
        verbose_name = _("ngày nghỉ việc")
        verbose_name_plural = _("ngày nghỉ việc")

    def __str__(self):
        return f"{self.year}: {self.days}"
