"""A member's discipline and absence records (read by the eligibility rules): list, add, correct, delete."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form
from congdoan.members import selectors as member_selectors

from .. import forms, selectors, services
from ..models import Discipline, WorkAbsence

FORM = "emulation/form.html"


def _member(request, member_id: int, *, change: bool):
    scope = Scope.of(request)
    member = member_selectors.member_get(scope=scope, pk=member_id)
    if change:
        scope.require_can(member.unit)  # a viewer reads the records but gets no form to change them
    return scope, member


def _back(member) -> str:
    return reverse("emulation:member_records", args=[member.pk])


def _row(model, member, pk: int):
    row = model.objects.filter(member=member, pk=pk).first()
    if row is None:
        raise Http404
    return row


@login_required
def member_records(request, member_id: int):
    scope, member = _member(request, member_id, change=False)
    context = {
        "member": member,
        "disciplines": selectors.member_disciplines(member=member).reverse(),
        "absences": selectors.member_absences(member=member),
        "can_act": scope.can(member.unit),
    }
    return render(request, "emulation/member_records.html", context)


def _discipline_page(request, member_id: int, pk: int | None):
    scope, member = _member(request, member_id, change=True)
    row = _row(Discipline, member, pk) if pk else None
    form = forms.DisciplineForm(request.POST or None, instance=row)

    def action(data):
        services.discipline_save(scope=scope, member=member, discipline=row, **data)
        return _back(member)

    title = (_("Sửa kỷ luật của “%(m)s”") if row else _("Ghi nhận kỷ luật đối với “%(m)s”")) % {
        "m": member.full_name
    }
    context = {"title": title, "back": _back(member)}
    return run_form(request, action, form=form, template=FORM, context=context)


def _absence_page(request, member_id: int, pk: int | None):
    scope, member = _member(request, member_id, change=True)
    row = _row(WorkAbsence, member, pk) if pk else None
    form = forms.AbsenceForm(request.POST or None, instance=row)

    def action(data):
        services.absence_save(scope=scope, member=member, absence=row, **data)
        return _back(member)

    title = (_("Sửa ngày nghỉ việc của “%(m)s”") if row else _("Ghi nhận ngày nghỉ việc của “%(m)s”")) % {
        "m": member.full_name
    }
    context = {"title": title, "back": _back(member)}
    return run_form(request, action, form=form, template=FORM, context=context)


@login_required
def discipline_new(request, member_id: int):
    return _discipline_page(request, member_id, None)


@login_required
def discipline_edit(request, member_id: int, pk: int):
    return _discipline_page(request, member_id, pk)


@login_required
def absence_new(request, member_id: int):
    return _absence_page(request, member_id, None)


@login_required
def absence_edit(request, member_id: int, pk: int):
    return _absence_page(request, member_id, pk)


def _delete_page(request, member, title: str, action, success: str):
    if request.method == "POST":
        return run_form(request, action, success=success, back=_back(member))
    return render(request, "emulation/record_delete.html", {"title": title, "back": _back(member)})


@login_required
def discipline_delete(request, member_id: int, pk: int):
    scope, member = _member(request, member_id, change=True)
    row = _row(Discipline, member, pk)
    what = {"f": row.get_form_display(), "s": format_date(row.starts_on), "m": member.full_name}
    return _delete_page(
        request,
        member,
        _("Xoá kỷ luật “%(f)s” (từ %(s)s) của “%(m)s”?") % what,
        lambda: services.discipline_delete(scope=scope, discipline=row),
        _("Đã xoá kỷ luật “%(f)s” (từ %(s)s).") % what,
    )


@login_required
def absence_delete(request, member_id: int, pk: int):
    scope, member = _member(request, member_id, change=True)
    row = _row(WorkAbsence, member, pk)
    what = {"n": row.days, "y": row.year, "m": member.full_name}
    return _delete_page(
        request,
        member,
        _("Xoá %(n)s ngày nghỉ năm %(y)s của “%(m)s”?") % what,
        lambda: services.absence_delete(scope=scope, absence=row),
        _("Đã xoá %(n)s ngày nghỉ năm %(y)s.") % what,
    )
