"""Terms without a congress (committees appointed for a founded or merged unit) and the upper level's
recognising decision of a term's committees."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require

from ..constants import TermOrigin
from ..models import Term
from ._common import check_day, check_term_years
from .seats import take_office


@transaction.atomic
def term_appoint(
    *,
    scope: Scope,
    unit,
    start_year: int,
    end_year: int,
    decision_no: str,
    decision_date: dt.date,
    signer_name: str = "",
    signer_title: str = "",
) -> Term:
    """The upper level appoints ``unit``'s committees (a founded or merged unit's first term, which need not
    last five years): the term takes office on the decision's date."""
    scope.require_can(unit, Action.APPROVE)
    check_term_years(unit, start_year, end_year)
    decision_no = normalise(decision_no or "")
    require(bool(decision_no), _("Hãy nhập số quyết định chỉ định."), "decision_no")
    require(decision_date is not None, _("Hãy nhập ngày quyết định."), "decision_date")
    require(
        decision_date <= today(),
        _("Ngày quyết định chưa đến (%(d)s).") % {"d": format_date(decision_date)},
        "decision_date",
    )
    check_day(unit, decision_date, "decision_date")
    term = Term(
        unit=unit,
        start_year=start_year,
        end_year=end_year,
        origin=TermOrigin.APPOINTED,
        decision_no=decision_no,
        decision_date=decision_date,
        signer_name=normalise(signer_name or ""),
        signer_title=normalise(signer_title or ""),
    )
    term.full_clean()
    term.save()
    take_office(scope=scope, term=term, day=decision_date)
    event_record(
        actor=scope.actor,
        action="congress.term_appoint",
        summary=_("Chỉ định Ban Chấp hành “%(u)s” nhiệm kỳ %(t)s") % {"u": unit.name, "t": term.label},
        unit=unit,
        obj=term,
        decision_no=decision_no,
    )
    return term


@transaction.atomic
def term_recognise(
    *,
    scope: Scope,
    term: Term,
    decision_no: str,
    decision_date: dt.date,
    signer_name: str,
    signer_title: str,
    version: int | None = None,
) -> Term:
    """The upper level's decision recognising the committees a congress elected (form 7b)."""
    scope.require_can(term.unit, Action.APPROVE)
    version_claim(term, version)
    congress = getattr(term, "congress", None)
    require(
        term.origin == TermOrigin.APPOINTED or (congress is not None and congress.is_held),
        _("Chỉ công nhận Ban Chấp hành sau khi đại hội đã tổ chức."),
    )
    require(term.bodies.filter(seats__isnull=False).exists(), _("Nhiệm kỳ chưa có ai trong Ban Chấp hành."))
    decision_no = normalise(decision_no or "")
    require(bool(decision_no), _("Hãy nhập số quyết định."), "decision_no")
    require(decision_date is not None, _("Hãy nhập ngày quyết định."), "decision_date")
    if congress is not None and congress.held_on:
        require(
            decision_date >= congress.held_on,
            _("Ngày quyết định không được trước ngày đại hội (%(d)s).")
            % {"d": format_date(congress.held_on)},
            "decision_date",
        )
    term.decision_no, term.decision_date = decision_no, decision_date
    term.signer_name, term.signer_title = normalise(signer_name or ""), normalise(signer_title or "")
    require(bool(term.signer_name), _("Hãy nhập người ký."), "signer_name")
    term.full_clean()
    term.save()
    event_record(
        actor=scope.actor,
        action="congress.term_recognise",
        summary=_("Công nhận Ban Chấp hành “%(u)s” nhiệm kỳ %(t)s") % {"u": term.unit.name, "t": term.label},
        unit=term.unit,
        obj=term,
        decision_no=decision_no,
    )
    return term
