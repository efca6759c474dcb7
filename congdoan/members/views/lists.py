"""The member search page (and its HTMX results)."""

from __future__ import annotations

import hashlib

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.views import int_param

from .. import forms, selectors
from ..models import Member

PAGE = 50
FORM_SECONDS = 600
_PK = 987654321  # a stand-in id: the member page's URL is reversed once per page, not once per row


def _labelled(members: list[Member]) -> list[Member]:
    """Each row's link and its gender and status labels, worked out once per page (a ``{% url %}`` and two
    ``get_..._display`` per row were a fifth of the page's CPU)."""
    url = reverse("members:detail", args=[_PK])
    genders = {k: str(v) for k, v in Member._meta.get_field("gender").flatchoices}
    statuses = {k: str(v) for k, v in Member._meta.get_field("status").flatchoices}
    for m in members:
        m.url = url.replace(str(_PK), str(m.pk))
        m.gender_label = genders.get(m.gender, m.gender)
        m.status_label = statuses.get(m.status, m.status)
    return members


def _form_html(form: forms.SearchForm) -> str:
    """The search form rendered (its ten select and date widgets cost more than the search itself), kept in
    the cache per (typed values, fields shown, language): it depends on nothing else."""
    values = [(name, form.data.getlist(name) if form.is_bound else []) for name in form.fields]
    text = repr((values, get_language()))
    key = f"members.search_form.{hashlib.sha256(text.encode()).hexdigest()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string("members/partials/search_form.html", {"form": form})
        cache.set(key, html, FORM_SECONDS)
    return html


def _filters(form: forms.SearchForm) -> selectors.MemberFilter:
    data = form.cleaned_data if form.is_valid() else {}
    party = data.get("party") or None
    informal = data.get("informal")
    return selectors.MemberFilter(
        q=data.get("q") or "",
        unit_id=data.get("unit"),
        gender=data.get("gender") or "",
        age_band=data.get("age_band") or "",
        ethnicity=data.get("ethnicity") or "",
        sector=data.get("sector") or "",
        party_status="" if party == "none" else party,
        informal=None if informal in (None, "") else informal == "1",
        status=data.get("status") or "",
        joined_from=data.get("joined_from"),
        joined_to=data.get("joined_to"),
    )


@login_required
def index(request):
    scope = Scope.of(request)
    form = forms.SearchForm(request.GET or None)
    if not scope.holds(Role.OFFICER):  # Party data is political data: no filter by it for a viewer
        del form.fields["party"]
    page = int_param(request, "page", 1, minimum=1, maximum=100_000)
    results = selectors.member_search_page(
        scope=scope, filters=_filters(form), offset=(page - 1) * PAGE, limit=PAGE + 1
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "results": _labelled(results[:PAGE]),
        "page": page,
        "has_next": len(results) > PAGE,
        "query": query.urlencode(),
    }
    if request.htmx and request.htmx.target == "results":
        return render(request, "members/partials/results.html", context)
    return render(request, "members/index.html", {**context, "search_form": _form_html(form)})
