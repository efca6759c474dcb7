"""Entering a pre-2025 structure: a national or provincial administrator records a unit of a kind no longer
founded (a district federation, "LĐLĐ huyện") with its past dates, under a parent that existed then.

Ordinary founding (``restructure.operations.FoundUnit``) still refuses these kinds; this is the one door for
them, kept to administrators of a national root or of a province-level unit above the parent.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date, today
from congdoan.core.fields import DateField
from congdoan.core.forms import StyledForm
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.text import fold, normalise
from congdoan.core.validation import require

from . import selectors, tree
from .constants import UnitStatus
from .models import Unit, UnitKind

HISTORY_DEPTH = 1  # administrators of a national root (0) or of a province-level unit (1)


def may_enter_history(scope: Scope, parent: Unit) -> bool:
    """Does the user administer ``parent`` from a national root or a province-level unit?"""
    if scope.everything:
        return True
    return any(
        role == Role.ADMIN and parent.path.startswith(path) and path.strip("/").count("/") <= HISTORY_DEPTH
        for path, role in scope.roots
    )


@transaction.atomic
def historic_unit_record(
    *,
    scope: Scope,
    parent: Unit,
    name: str,
    kind: UnitKind,
    founded_on: dt.date,
    decision_no: str,
    decision_date: dt.date | None = None,
    ended_on: dt.date | None = None,
    code: str = "",
) -> Unit:
    """Record a unit of a kind no longer founded, under ``parent``, from ``founded_on`` (to ``ended_on``)."""
    if not may_enter_history(scope, parent):
        raise PermissionDenied(
            _("Chỉ quản trị viên cấp Trung ương hoặc cấp tỉnh mới được nhập đơn vị thuộc cơ cấu trước đây.")
        )
    name = normalise(name)
    require(bool(name), _("Cần nhập tên đơn vị."), "name")
    tree.require_decision(decision_no)
    require(
        kind.is_historic,
        _("Loại “%(k)s” vẫn được thành lập mới: dùng chức năng “Thành lập đơn vị trực thuộc”.")
        % {"k": kind.name},
        "kind",
    )
    require(
        kind.level > parent.kind.level,
        _("Không thể lập “%(k)s” trực thuộc “%(p)s” (%(pk)s).")
        % {"k": kind.name, "p": parent.name, "pk": parent.kind.name},
        "kind",
    )
    require(founded_on is not None, _("Cần nhập ngày thành lập."), "founded_on")
    require(
        founded_on < today(),
        _("Ngày thành lập của đơn vị trước đây phải trước hôm nay (%(d)s).") % {"d": format_date(today())},
        "founded_on",
    )
    require(
        ended_on is None or founded_on <= ended_on < today(),
        _("Ngày chấm dứt hoạt động phải từ ngày thành lập (%(f)s) đến trước hôm nay.")
        % {"f": format_date(founded_on)},
        "ended_on",
    )
    require(
        parent.exists_on(founded_on),
        _("Đơn vị cấp trên “%(p)s” chưa hoặc không còn hoạt động vào ngày %(d)s (thành lập ngày %(f)s).")
        % {"p": parent.name, "d": format_date(founded_on), "f": format_date(parent.founded_on)},
        "founded_on",
    )
    code = (code or "").strip() or tree.next_code(parent)
    require(not selectors.code_taken(code), _("Mã đơn vị “%(c)s” đã được dùng.") % {"c": code}, "code")
    unit = Unit(
        code=code,
        name=name,
        name_folded=fold(name),
        kind=kind,
        founded_on=founded_on,
        founding_decision_no=decision_no.strip(),
        founding_decision_date=decision_date,
        status=UnitStatus.DISSOLVED if ended_on else UnitStatus.ACTIVE,
        dissolved_on=ended_on,
        parent=parent,
        path="/",
        depth=parent.depth + 1,
    )
    unit.full_clean(exclude=["path"])
    unit.save()
    unit.path = f"{parent.path}{unit.pk}/"
    unit.save(update_fields=["path"])
    link = tree.first_link(unit, parent, founded_on, decision_no.strip(), decision_date)
    if ended_on:
        tree.close_link(link, ended_on)
    event_record(
        actor=scope.actor,
        action="unit.record_historic",
        unit=unit,
        obj=unit,
        decision_no=decision_no,
        summary=_("Nhập đơn vị trước đây “%(u)s” (%(k)s) trực thuộc “%(p)s” từ %(f)s%(e)s")
        % {
            "u": unit.name,
            "k": kind.name,
            "p": parent.name,
            "f": format_date(founded_on),
            "e": _(" đến %(d)s") % {"d": format_date(ended_on)} if ended_on else "",
        },
        after=tree.snapshot(unit),
    )
    return unit


class HistoricUnitForm(StyledForm):
    name = forms.CharField(label=_l("Tên đơn vị"), max_length=255)
    kind = forms.ModelChoiceField(
        label=_l("Loại đơn vị (không còn thành lập mới)"), queryset=UnitKind.objects.none()
    )
    code = forms.CharField(
        label=_l("Mã đơn vị"),
        max_length=64,
        required=False,
        help_text=_l("Để trống: tự đặt theo đơn vị cấp trên."),
    )
    founded_on = DateField(label=_l("Ngày thành lập"))
    decision_no = forms.CharField(label=_l("Số quyết định thành lập"), max_length=64)
    decision_date = DateField(label=_l("Ngày quyết định thành lập"), required=False)
    ended_on = DateField(
        label=_l("Ngày chấm dứt hoạt động"),
        required=False,
        help_text=_l("Ngày cuối cùng đơn vị còn hoạt động, ví dụ 30/06/2025 khi bỏ cấp huyện."),
    )

    def __init__(self, *args, parent: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = UnitKind.objects.filter(is_historic=True, level__gt=parent.kind.level)
