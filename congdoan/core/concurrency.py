"""No lost updates, no double submits: the one mechanism every edit form, API update and create shares.

**Version check (optimistic locking).** A record two officers may edit inherits ``Versioned``: a ``version``
integer and the time of the last edit. An edit page sends the version it showed as a hidden field
(``VersionedFormMixin``), an API update sends ``version`` in its body; the service calls
``version_claim(record, version)`` inside its transaction, which is one atomic compare-and-swap
``UPDATE … SET version = version + 1 WHERE pk = … AND version = …``. No row updated means somebody saved in
between: ``VersionConflict`` (a ``ValidationError``) is raised with the current record, nothing is written,
and ``core.views.run_form`` re-fills the form with the current values, listing what the officer had typed.

**One-time submit tokens.** A create form carries a hidden random token (``SubmitOnceFormMixin``);
``submit_token_consume`` marks it used with an atomic ``cache.add``, so the second of two identical submits
is refused instead of creating a second row. API creates take an ``Idempotency-Key`` header the same way
(``idempotent_create``): a replay answers with the first result.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from pydantic import Field as PydanticField
from pydantic import create_model

from congdoan.core.dates import format_date
from congdoan.core.money import format_number

VERSION_FIELD = "version"
ONCE_FIELD = "submit_once"
ONCE_TTL = 24 * 3600


class Versioned(models.Model):
    """A record edited by forms or the API: the version an editor saw is checked when they save."""

    version = models.PositiveIntegerField(
        gettext_lazy("phiên bản"),
        default=0,
        editable=False,
        help_text=gettext_lazy("Tăng một mỗi lần sửa; lần lưu từ bản cũ hơn bị từ chối."),
    )
    edited_at = models.DateTimeField(gettext_lazy("sửa lần cuối lúc"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class VersionConflict(ValidationError):
    """Somebody saved the record after the editor opened it; ``current`` is the record as saved now."""

    def __init__(self, current: models.Model, *, when=None):
        self.current = current
        when = when or getattr(current, "edited_at", None) or getattr(current, "updated_at", None)
        if when is not None:
            local = timezone.localtime(when)
            text = f"{local:%H:%M} {format_date(local.date())}"
            message = _(
                "Bản ghi đã được người khác sửa lúc %(when)s — dưới đây là giá trị hiện tại; "
                "hãy kiểm tra rồi lưu lại."
            ) % {"when": text}
        else:
            message = _(
                "Bản ghi đã được người khác sửa — dưới đây là giá trị hiện tại; hãy kiểm tra rồi lưu lại."
            )
        super().__init__(message, code="version_conflict")


def version_claim(record: models.Model, expected: int | None) -> int:
    """Compare-and-swap the record's version inside the caller's transaction; return the new version.

    ``expected`` is the version the editor saw; ``None`` (an internal caller, an import) claims whatever is
    current, so forms opened before it become stale too. The instance is updated so a later ``save()``
    writes the new version back, not the old one.
    """
    model = type(record)
    now = timezone.now()
    rows = model._default_manager.filter(pk=record.pk)
    if expected is not None:
        try:
            expected = int(expected)
        except (TypeError, ValueError):
            expected = -1
        rows = rows.filter(version=expected)
    if not rows.update(version=F("version") + 1, edited_at=now):
        raise VersionConflict(model._default_manager.get(pk=record.pk))
    record.version = model._default_manager.values_list("version", flat=True).get(pk=record.pk)
    record.edited_at = now
    return record.version


def digest(rows) -> str:
    """A short fingerprint of a set of rows (a grid of cells with no single record to carry a version).

    A page sends the digest of what it showed; the service recomputes it under a lock and raises
    ``VersionConflict`` when it differs.
    """
    text = "\n".join(sorted(repr(tuple(str(v) for v in row)) for row in rows))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


# -- forms ---------------------------------------------------------------------------------------------
class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)


class VersionedFormMixin:
    """Adds the hidden ``version`` field; pass ``version=record.version`` when building the form."""

    def __init__(self, *args, version: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = VersionField()
        if version is not None:
            self.initial[VERSION_FIELD] = version


def _shown(field: forms.Field, value: Any) -> str:
    if value in (None, "", [], ()):
        return "—"
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, int):
        return format_number(value)
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        return format_date(value)
    choices = getattr(field, "choices", None)
    if choices and not isinstance(value, models.Model) and not isinstance(field, forms.ModelChoiceField):
        label = dict((str(k), v) for k, v in choices if not isinstance(v, list | tuple)).get(str(value))
        if label is not None:
            return str(label)
    if isinstance(value, list | tuple | models.QuerySet):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def current_values(record: models.Model, names) -> dict:
    """The record's values for the form fields it has (many-to-many as lists)."""
    values = {}
    for name in names:
        if name == VERSION_FIELD:
            values[name] = record.version
            continue
        if not hasattr(record, name):
            continue
        value = getattr(record, name)
        if hasattr(value, "all") and callable(value.all):
            value = list(value.all())
        values[name] = value
    return values


def form_refill_after_conflict(form: forms.Form, exc: VersionConflict) -> None:
    """Show the form again filled with the current values, the conflict and what the officer had typed.

    The form stays invalid (its errors are kept) but renders the ``initial`` values: the current record
    and its new version, so saving again is a deliberate decision taken on the current data.
    """
    typed = dict(getattr(form, "cleaned_data", {}) or {})
    current = current_values(exc.current, form.fields)
    lines = []
    for name, field in form.fields.items():
        if name == VERSION_FIELD or name not in current or name not in typed:
            continue
        now_shown, typed_shown = _shown(field, current[name]), _shown(field, typed[name])
        if now_shown != typed_shown:
            lines.append(
                _("%(label)s: hiện tại “%(now)s”, bạn đã nhập “%(typed)s”.")
                % {"label": field.label or name, "now": now_shown, "typed": typed_shown}
            )
    form.add_error(None, exc)
    for line in lines:
        form.add_error(None, line)
    form.initial = {**form.initial, **current}
    form.is_bound = False  # render the initial (current) values; the errors stay in form._errors
    form._bound_fields_cache = {}
    form.version_conflict = True


# -- one-time submit tokens -------------------------------------------------------------------------------
def _token_key(token: str) -> str:
    return f"congdoan:submit:{token}"


class SubmitOnceFormMixin:
    """A hidden one-time token: the second submit of the same page is refused instead of adding twice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[ONCE_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
        self.initial.setdefault(ONCE_FIELD, secrets.token_urlsafe(24))


def submit_token_consume(token: str | None) -> None:
    """Mark a form's token used; a token already used raises a ``ValidationError`` (a double submit)."""
    if not token:
        return
    if not cache.add(_token_key(token), 1, ONCE_TTL):
        raise ValidationError(
            _(
                "Biểu mẫu này đã được gửi rồi (bấm hai lần?); không ghi thêm lần nữa. Hãy tải lại trang nếu cần."
            )
        )


def submit_token_release(token: str | None) -> None:
    """A submit that was refused for a reason the officer can fix may be sent again with the same token."""
    if token:
        cache.delete(_token_key(token))


def run_once(token: str | None, action: Callable[[], Any]) -> Any:
    """Consume ``token`` then run ``action``; when ``action`` is refused, the token can be used again."""
    submit_token_consume(token)
    try:
        return action()
    except Exception:
        submit_token_release(token)
        raise


# -- the API: version in, 422 with the current record out ------------------------------------------------
def api_version_field():
    """The ``version`` of an API update's body (optional: without it the update is not checked)."""
    return PydanticField(
        None,
        description="Phiên bản đọc được (trường version). Nếu bản ghi đã được sửa sau đó, trả 422 kèm giá trị "
        "hiện tại (current) và không ghi gì.",
    )


@functools.cache
def conflict_schema(out: type[Schema]) -> type[Schema]:
    """The 422 answer of an API update, for the OpenAPI spec: ``detail`` and, when the version was stale,
    ``current`` (the record as saved now). ``detail`` is loose so an invalid body's 422 fits the spec too."""
    return create_model(
        f"{out.__name__}Conflict", __base__=Schema, detail=(Any, ...), current=(out | None, None)
    )


def responses(out: type[Schema]) -> dict:
    """``response=`` of an API update: the record saved (200), or the 422 of a stale version."""
    return {200: out, 422: conflict_schema(out)}


def conflict_answer(exc: VersionConflict, current) -> tuple[int, dict]:
    return 422, {"detail": {"__all__": exc.messages}, "current": current}


def update_or_conflict(update: Callable[[], Any], load: Callable[[], Any]) -> tuple[int, Any]:
    """Run an API update: (200, the record saved) or, when stale, (422, the message and the current record)."""
    try:
        update()
    except VersionConflict as exc:
        return conflict_answer(exc, load())
    return 200, load()


# -- Idempotency-Key for API creates --------------------------------------------------------------------
IDEMPOTENCY_HEADER = "Idempotency-Key"
_PENDING = "pending"


def _idempotency_key(request) -> str | None:
    key = (request.headers.get(IDEMPOTENCY_HEADER) or "").strip()
    if not key:
        return None
    if len(key) > 200:
        raise ValidationError({IDEMPOTENCY_HEADER: _("Khoá Idempotency-Key dài quá 200 ký tự.")})
    user = getattr(request, "auth", None) or getattr(request, "user", None)
    return f"congdoan:idem:{getattr(user, 'pk', '')}:{request.method}:{request.path}:{key}"


def idempotent_create(request, create: Callable[[], models.Model], load: Callable[[int], Any]) -> Any:
    """Run an API create at most once per ``Idempotency-Key`` header (per user, method and path).

    The first request with a key claims it atomically (``cache.add``) and runs ``create``; a request
    repeating a key whose create finished gets ``load(pk)`` of the row made then, and no new row; one
    arriving while the first still runs is refused (422). A refused create frees its key. Without the header,
    ``create`` simply runs (duplicates of a person are still refused by the services' own checks).
    """
    key = _idempotency_key(request)
    if key is None:
        return load(create().pk)
    if not cache.add(key, _PENDING, ONCE_TTL):
        earlier = cache.get(key)
        if earlier in (_PENDING, None):
            raise ValidationError(
                _("Một yêu cầu cùng khoá Idempotency-Key đang được xử lý; hãy thử lại sau giây lát.")
            )
        return load(earlier)
    try:
        made = create()
    except BaseException:
        cache.delete(key)
        raise
    cache.set(key, made.pk, ONCE_TTL)
    return load(made.pk)
