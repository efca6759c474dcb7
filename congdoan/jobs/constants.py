from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    MEMBER_IMPORT = "member_import", _("Nhập danh sách đoàn viên từ Excel")
    MEMBER_EXPORT = "member_export", _("Xuất danh sách đoàn viên ra Excel")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    SUCCEEDED = "succeeded", _("Hoàn thành")
    FAILED = "failed", _("Không thành công")


FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED)
