from django.db.models import QuerySet

from .models import Notice


def notices_of(*, user) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user).select_related("sender")


def unread_count(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()
