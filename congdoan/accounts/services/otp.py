"""Two-factor sign-in with a TOTP app (django-otp): enrol, confirm with a first code, remove."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from congdoan.audit.services import event_record

from ..models import User
from .rules import check_manage, home_unit, require_manager

DEVICE_NAME = "Ứng dụng xác thực"


def otp_device(user: User, *, confirmed: bool | None = True) -> TOTPDevice | None:
    devices = TOTPDevice.objects.filter(user=user)
    if confirmed is not None:
        devices = devices.filter(confirmed=confirmed)
    return devices.order_by("pk").first()


def otp_pending_device(user: User) -> TOTPDevice:
    """The device being enrolled (not yet confirmed), made on first visit with a new secret key."""
    device = otp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _clean_token(token: str) -> str:
    token = "".join((token or "").split())
    if not token.isdigit() or len(token) != 6:
        raise ValidationError({"token": _("Mã xác thực: gồm đúng 6 chữ số trong ứng dụng xác thực.")})
    return token


@transaction.atomic
def otp_confirm(*, user: User, token: str) -> TOTPDevice:
    """Confirm the pending device with a code it shows; from then on sign-in asks for a code."""
    token = _clean_token(token)
    device = otp_device(user, confirmed=False)
    if device is None:
        raise ValidationError(_("Chưa có thiết bị nào đang chờ xác nhận; hãy tải lại trang."))
    if not device.verify_token(token):
        raise ValidationError({"token": _("Mã xác thực: không đúng hoặc đã hết hạn; hãy nhập mã mới.")})
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    event_record(
        actor=user,
        action="account.otp_enable",
        unit=home_unit(user),
        obj=user,
        summary=_("Bật xác thực hai bước (%(login)s)") % {"login": user.username},
    )
    return device


def otp_check(*, user: User, token: str) -> TOTPDevice:
    """The confirmed device that accepts ``token`` at sign-in, or a ValidationError on the field."""
    token = _clean_token(token)
    device = otp_device(user)
    if device is None or not device.verify_token(token):
        raise ValidationError({"token": _("Mã xác thực: không đúng hoặc đã hết hạn; hãy nhập mã mới.")})
    return device


@transaction.atomic
def otp_remove(*, user: User) -> None:
    deleted, _rows = TOTPDevice.objects.filter(user=user).delete()
    if not deleted:
        raise ValidationError(_("Xác thực hai bước chưa được bật."))
    event_record(
        actor=user,
        action="account.otp_disable",
        unit=home_unit(user),
        obj=user,
        summary=_("Tắt xác thực hai bước (%(login)s)") % {"login": user.username},
    )


@transaction.atomic
def otp_reset_by_admin(*, scope, user: User) -> None:
    """The administrator above removes a user's devices (a lost phone); the user may enrol again."""
    require_manager(scope)
    check_manage(scope, user)
    deleted, _rows = TOTPDevice.objects.filter(user=user).delete()
    if not deleted:
        raise ValidationError(_("Tài khoản “%(u)s” chưa bật xác thực hai bước.") % {"u": user})
    event_record(
        actor=scope.actor,
        action="account.otp_reset",
        unit=home_unit(user),
        obj=user,
        summary=_("Tắt xác thực hai bước của %(login)s (mất thiết bị)") % {"login": user.username},
    )
