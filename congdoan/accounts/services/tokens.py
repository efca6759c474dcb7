"""Personal API tokens: created and revoked by their owner; a deactivated owner's tokens stop at once."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record

from ..models import ApiToken


@transaction.atomic
def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token; returns the row and the secret, which is never shown again."""
    secret = "cd_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=(name or "").strip() or _("Khoá API"),
        prefix=secret[:10],
        digest=ApiToken.digest_of(secret),
    )
    event_record(
        actor=user, action="token.create", obj=token, summary=_("Tạo khoá API “%(n)s”") % {"n": token.name}
    )
    return token, secret


@transaction.atomic
def token_revoke(*, user, token_id: int) -> ApiToken:
    """Revoke one of ``user``'s own tokens. Someone else's token does not exist for them (404)."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise Http404
    if token.revoked_at is not None:
        raise ValidationError(_("Khoá API “%(n)s” đã bị thu hồi trước đó.") % {"n": token.name})
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    event_record(
        actor=user,
        action="token.revoke",
        obj=token,
        summary=_("Thu hồi khoá API “%(n)s”") % {"n": token.name},
    )
    return token


def token_authenticate(secret: str):
    """The active user owning ``secret``, or None."""
    if not secret:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
