"""Evidence files attached to a registration (stored through the default storage, like other uploads)."""

from __future__ import annotations

import os

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require

from ..constants import EVIDENCE_TYPES, MAX_EVIDENCE_BYTES
from ..models import Criterion, Evidence, Registration


def _checked_name(uploaded) -> str:
    name = os.path.basename(uploaded.name or "").replace("\x00", "")[:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    require(
        extension in EVIDENCE_TYPES,
        _("Tệp “%(f)s”: chỉ nhận PDF, DOCX, XLSX, JPG, PNG.") % {"f": name},
        "file",
    )
    require(
        uploaded.size <= MAX_EVIDENCE_BYTES,
        _("Tệp “%(f)s” lớn hơn %(m)s MB.") % {"f": name, "m": MAX_EVIDENCE_BYTES // (1024 * 1024)},
        "file",
    )
    require(uploaded.size > 0, _("Tệp “%(f)s” rỗng.") % {"f": name}, "file")
    head = uploaded.read(8)
    uploaded.seek(0)
    require(
        head.startswith(EVIDENCE_TYPES[extension]),
        _("Tệp “%(f)s” không đúng định dạng %(e)s.") % {"f": name, "e": extension.upper()},
        "file",
    )
    return name


@transaction.atomic
def evidence_attach(
    *,
    scope: Scope,
    registration: Registration,
    uploaded,
    title: str = "",
    criterion: Criterion | None = None,
) -> Evidence:
    """Attach a file (PDF, DOCX, XLSX, JPG, PNG; at most 10 MB), for one criterion or the whole year."""
    scope.require_can(registration.unit, Action.ACT)
    require(
        criterion is None or (criterion.culture_type == registration.culture_type),
        _("Tiêu chí không thuộc danh hiệu đã đăng ký."),
        "criterion",
    )
    name = _checked_name(uploaded)
    evidence = Evidence(
        registration=registration,
        criterion=criterion,
        title=normalise(title)[:255] or name,
        size=uploaded.size,
        uploaded_by=scope.actor if getattr(scope.actor, "pk", None) else None,
    )
    evidence.file.save(name, uploaded, save=False)
    evidence.save()
    event_record(
        actor=scope.actor,
        action="culture.evidence_attach",
        summary=_("Đính kèm minh chứng “%(t)s” (năm %(y)s)") % {"t": evidence.title, "y": registration.year},
        unit=registration.unit,
        obj=registration,
    )
    return evidence


@transaction.atomic
def evidence_delete(*, scope: Scope, evidence: Evidence) -> Registration:
    registration = evidence.registration
    scope.require_can(registration.unit, Action.ACT)
    title = evidence.title
    evidence.file.delete(save=False)
    evidence.delete()
    event_record(
        actor=scope.actor,
        action="culture.evidence_delete",
        summary=_("Xoá minh chứng “%(t)s” (năm %(y)s)") % {"t": title, "y": registration.year},
        unit=registration.unit,
        obj=registration,
    )
    return registration
