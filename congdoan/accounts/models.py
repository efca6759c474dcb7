import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from congdoan.core.roles import Role
from congdoan.core.text import fold


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu"),
        default=False,
        help_text=_("Mật khẩu do người khác đặt: người dùng phải đổi ở lần đăng nhập tới."),
    )
    # Raised by "sign out of all sessions": every session made before carries a stale auth hash.
    session_epoch = models.PositiveIntegerField(default=0, editable=False)
    # Name, username and e-mail folded (no diacritics, lower case) for the account search.
    search_text = models.CharField(max_length=500, blank=True, editable=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self):
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.full_name, self.username, self.email]))[:500]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"full_name", "username", "email"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def _get_session_auth_hash(self, secret=None):
        """Django's hash of the password (also for SECRET_KEY_FALLBACKS), salted with the session epoch once the
        user signed out everywhere; epoch 0 keeps Django's own hash, so sessions survive the upgrade."""
        if not self.session_epoch:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class Assignment(models.Model):
    """A user works for a unit with a role; they see and act on that unit's subtree."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("người dùng")
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="assignments", verbose_name=_("đơn vị")
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices, default=Role.OFFICER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="assignment_unique_user_unit")]

    def __str__(self):
        return f"{self.user} — {self.unit} ({self.get_role_display()})"


class ApiToken(models.Model):
    """Personal API token. Only a SHA-256 digest is stored; the secret is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khoá API")
        verbose_name_plural = _("khoá API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()
