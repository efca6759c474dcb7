"""Delete the files of finished jobs older than CONGDOAN_JOB_FILE_DAYS days (personal data hygiene).

Run daily: `scripts/serve.sh worker` does it itself; or from cron: `manage.py purge_job_files`.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand

from congdoan.jobs.services import job_files_purge


class Command(BaseCommand):
    help = "Xoá tệp của các tác vụ đã kết thúc quá số ngày quy định (dữ liệu cá nhân)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.CONGDOAN_JOB_FILE_DAYS)

    def handle(self, *args, days: int, **options):
        purged = job_files_purge(older_than=dt.timedelta(days=days))
        self.stdout.write(f"Đã xoá tệp của {purged} tác vụ kết thúc trước {days} ngày.")
