"""Helpers shared by the Party introduction use cases."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.validation import require

from ..models import Introduction


def require_text(value: str, field: str, label: str) -> str:
    value = " ".join((value or "").split())
    require(bool(value), _("Cần nhập %(label)s.") % {"label": label}, field)
    return value


def lock(introduction: Introduction) -> Introduction:
    return Introduction.objects.select_for_update().select_related("member", "unit").get(pk=introduction.pk)


def snapshot(introduction: Introduction) -> dict:
    return {
        "status": introduction.status,
        "introduced_on": introduction.introduced_on.isoformat(),
        "training_from": introduction.training_from.isoformat() if introduction.training_from else None,
        "admitted_on": introduction.admitted_on.isoformat() if introduction.admitted_on else None,
        "closed_on": introduction.closed_on.isoformat() if introduction.closed_on else None,
        "decision_no": introduction.decision_no,
    }
