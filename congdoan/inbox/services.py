"""Sending and reading notices. Callers (higher apps) choose the recipients; the inbox only delivers."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Notice

log = logging.getLogger(__name__)


def notify(
    *, users: Iterable, title: str, body: str = "", url: str = "", kind: str = Notice.Kind.INFO, sender=None
) -> int:
    """One notice per distinct active user; an e-mail too, after the transaction commits, to those with an
    address. Returns the number of notices made."""
    recipients = {
        u.pk: u for u in users if u is not None and u.is_active and u.pk != getattr(sender, "pk", None)
    }
    if not recipients:
        return 0
    sender_id = sender.pk if sender is not None and getattr(sender, "pk", None) else None
    emailed = {pk for pk, u in recipients.items() if u.email}
    Notice.objects.bulk_create(
        Notice(
            recipient_id=pk,
            sender_id=sender_id,
            kind=kind,
            title=title[:255],
            body=body,
            url=url,
            emailed=pk in emailed,
        )
        for pk in recipients
    )
    if emailed:
        link = f"\n\n{settings.CONGDOAN_SITE_URL.rstrip('/')}{url}" if url else ""
        messages = [
            (title[:200], f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [recipients[pk].email])
            for pk in emailed
        ]
        transaction.on_commit(lambda: _send(messages))
    return len(recipients)


def _send(messages) -> None:
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception:  # noqa: BLE001 - a mail server down must not undo the notice already in the app
        log.exception(_("Không gửi được thư thông báo."))


def notice_open(*, user, pk: int) -> Notice:
    """The user's own notice, marked read."""
    notice = Notice.objects.get(pk=pk, recipient=user)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


def notices_read_all(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
