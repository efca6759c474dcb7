"""Pages of the review as a document: draft it from the dashboard, edit its text, see which figures changed
since it was drafted, issue it with a number, reopen it from the level above, download it."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.audit.selectors import events_of
from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form
from congdoan.org import selectors as org_selectors

from . import cluster_review, reviews, tasks
from . import review as review_doc
from .forms import ReviewIssueForm, ReviewReopenForm, ReviewTextForm


def _period(request) -> tuple[dt.date, dt.date]:
    try:
        start = dt.date.fromisoformat(request.POST.get("start", ""))
        end = dt.date.fromisoformat(request.POST.get("end", ""))
    except ValueError as exc:
        raise Http404 from exc
    return min(start, end), max(start, end)


@login_required
@require_POST
def review_create(request, pk: int):
    """Open the review of a unit for a period (drafting it from the records the first time)."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    start, end = _period(request)
    existing = reviews.review_find(scope=scope, unit=unit, start=start, end=end)
    if existing is not None:  # a viewer too reads the review already drafted
        return redirect(existing.get_absolute_url())
    if tasks.runs_as_job(unit):  # the country's figures take a while: a Job drafts it
        job = tasks.review_draft_start(scope=scope, unit=unit, start=start, end=end, on=today())
        return redirect(job.get_absolute_url())
    return redirect(reviews.review_open(scope=scope, unit=unit, start=start, end=end).get_absolute_url())


def _page(request, review, **forms):
    scope = Scope.of(request)
    can_edit = scope.can(review.unit, Action.ACT) and not review.is_issued
    role, signer_name = reviews.review_signer(review)
    context = {
        # What the document prints under "Nơi nhận" and in the signer block (the page says when no one signs).
        "signer_lines": review_doc.signer_lines(role, _("TM. BAN CHẤP HÀNH")),
        "signer_name": signer_name,
        "recipients": reviews.review_recipients(review),
        # A refusal or a service's error that is not about one field (shown above every form).
        "posted_forms": list(forms.values()),
        "review": review,
        "unit": review.unit,
        "can_edit": can_edit,
        "can_reopen": review.is_issued and scope.can(review.unit, Action.APPROVE),
        "changes": reviews.review_changes(scope=scope, review=review),
        "events": events_of(scope=scope, obj=review)[:20],
        "text_form": forms.get("text_form")
        or ReviewTextForm(
            initial={
                "results": review.results,
                "assessment": review.assessment,
                "directions": review.directions,
                "recipients": review.recipients,
                "signer_role": review.signer_role,
                "signer_name": review.signer_name,
                "version": review.version,
            }
        ),
        "issue_form": forms.get("issue_form")
        or ReviewIssueForm(initial={"number": review.number, "issued_on": review.issued_on or today()}),
        "reopen_form": forms.get("reopen_form") or ReviewReopenForm(),
    }
    return context


@login_required
def review_page(request, pk: int):
    review = reviews.review_get(scope=Scope.of(request), pk=pk)
    return render(request, "documents/review_page.html", _page(request, review))


@login_required
@require_POST
def review_edit(request, pk: int):
    scope = Scope.of(request)
    review = reviews.review_get(scope=scope, pk=pk)
    form = ReviewTextForm(request.POST)
    return run_form(
        request,
        lambda data: reviews.review_save(scope=scope, review=review, **data),
        form=form,
        template="documents/review_page.html",
        context=_page(request, review, text_form=form),
        success=_("Đã lưu nội dung báo cáo."),
    )


@login_required
@require_POST
def review_redraft(request, pk: int):
    scope = Scope.of(request)
    review = reviews.review_get(scope=scope, pk=pk)
    return run_form(
        request,
        lambda: reviews.review_redraft(scope=scope, review=review),
        success=_("Đã viết lại phần kết quả theo số liệu mới."),
        back=review.get_absolute_url(),
    )


@login_required
@require_POST
def review_issue(request, pk: int):
    scope = Scope.of(request)
    review = reviews.review_get(scope=scope, pk=pk)
    form = ReviewIssueForm(request.POST)
    return run_form(
        request,
        lambda data: reviews.review_issue(scope=scope, review=review, **data),
        form=form,
        template="documents/review_page.html",
        context=_page(request, review, issue_form=form),
        success=_("Đã ban hành báo cáo."),
    )


@login_required
@require_POST
def review_reopen(request, pk: int):
    scope = Scope.of(request)
    review = reviews.review_get(scope=scope, pk=pk)
    form = ReviewReopenForm(request.POST)
    return run_form(
        request,
        lambda data: reviews.review_reopen(scope=scope, review=review, **data),
        form=form,
        template="documents/review_page.html",
        context=_page(request, review, reopen_form=form),
        success=_("Đã mở lại báo cáo."),
    )


@login_required
def review_download(request, pk: int, fmt: str):
    if fmt not in ("pdf", "docx"):
        raise Http404
    review = reviews.review_get(scope=Scope.of(request), pk=pk)
    return file_response(reviews.review_file(review, fmt), reviews.review_filename(review, fmt))


@login_required
def cluster_page(request, pk: int):
    """The emulation cluster's totals for its year, with the review document to download."""
    scope = Scope.of(request)
    cluster = org_selectors.cluster_get(scope=scope, pk=pk)
    table = cluster_review.cluster_totals(scope=scope, cluster=cluster, as_of=today())
    return render(request, "documents/cluster_page.html", table)


@login_required
def cluster_download(request, pk: int, fmt: str):
    renderers = {"pdf": cluster_review.cluster_pdf, "docx": cluster_review.cluster_docx}
    if fmt not in renderers:
        raise Http404
    scope = Scope.of(request)
    cluster = org_selectors.cluster_get(scope=scope, pk=pk)
    data = renderers[fmt](scope=scope, cluster=cluster, on=today())
    return file_response(data, f"tong-ket-cum-{cluster.pk}-{cluster.year}.{fmt}")
