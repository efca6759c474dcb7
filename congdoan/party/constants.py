"""The states of a Party introduction and the moves between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IntroStatus(models.TextChoices):
    INTRODUCED = "introduced", _("Đã giới thiệu")
    TRAINING = "training", _("Đang bồi dưỡng, thử thách")
    ADMITTED = "admitted", _("Đã được kết nạp")
    NOT_ADMITTED = "not_admitted", _("Không được kết nạp")
    WITHDRAWN = "withdrawn", _("Rút giới thiệu")


# An introduction in one of these states is still open: a member has at most one open introduction.
OPEN_STATES = (IntroStatus.INTRODUCED, IntroStatus.TRAINING)
# from -> the states it may move to (the services refuse any other move).
TRANSITIONS = {
    IntroStatus.INTRODUCED: (IntroStatus.TRAINING, IntroStatus.NOT_ADMITTED, IntroStatus.WITHDRAWN),
    IntroStatus.TRAINING: (IntroStatus.ADMITTED, IntroStatus.NOT_ADMITTED, IntroStatus.WITHDRAWN),
    IntroStatus.ADMITTED: (),
    IntroStatus.NOT_ADMITTED: (),
    IntroStatus.WITHDRAWN: (),
}
