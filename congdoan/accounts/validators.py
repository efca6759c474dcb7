"""Password validators whose messages Django's Vietnamese catalogue misses."""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django 5.2 changed this message's msgid ("%d"); its vi catalogue still has the old one, so it showed in English."""

    def get_error_message(self):
        return _("Mật khẩu quá ngắn: cần ít nhất %(n)s ký tự.") % {"n": self.min_length}

    def get_help_text(self):
        return _("Mật khẩu của bạn phải chứa ít nhất %(n)s ký tự.") % {"n": self.min_length}
