"""Kept figures (``documents.figures``): the dashboard reads them once per data version, and a write made
through a service (which writes its audit event) shows at once."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congdoan.audit.selectors import data_version
from congdoan.core.scoping import Scope
from congdoan.documents.figures import facts_kept, figures_forget, figures_kept
from congdoan.members.tests.conftest import admit_active

START, END, ON = dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 5)


def _total(facts) -> int:
    return {f.key: f.value for f in facts}["members.total"]


@pytest.fixture
def records(tree):
    admit_active(tree.g1, on=dt.date(2025, 3, 1), full_name="Lò Thị Mai", gender="F")
    return tree


def test_the_second_read_asks_the_database_nothing(records):
    scope = Scope.for_user(records.province_officer)
    period = {"scope": scope, "unit": records.lc, "start": START, "end": END, "as_of": ON}
    facts, charts = figures_kept(**period)
    with CaptureQueriesContext(connection) as queries:
        again, charts_again = figures_kept(**period)
    assert (again, charts_again) == (facts, charts) and _total(again) == 1
    assert len(queries) == 0  # the data version is a counter in the cache
    assert facts_kept(**period) == facts  # the fact table alone reads the same kept figures


def test_a_write_through_a_service_shows_at_once(records):
    scope = Scope.for_user(records.province_officer)
    period = {"scope": scope, "unit": records.lc, "start": START, "end": END, "as_of": ON}
    before = data_version()
    assert _total(figures_kept(**period)[0]) == 1
    admit_active(records.g3, on=dt.date(2025, 6, 1), full_name="Giàng A Páo")
    assert data_version() != before
    assert _total(figures_kept(**period)[0]) == 2


def test_the_kept_figures_are_per_period_as_of_day_and_scope(records):
    province, system = Scope.for_user(records.province_officer), Scope.unrestricted()
    year = {"unit": records.lc, "start": START, "end": END, "as_of": ON}
    assert _total(facts_kept(scope=province, **year)) == 1
    assert _total(facts_kept(scope=province, **{**year, "end": dt.date(2025, 2, 28)})) == 0
    assert _total(facts_kept(scope=system, **year)) == 1
    figures_forget()
    assert _total(facts_kept(scope=province, **year)) == 1


def test_the_dashboard_shows_a_new_member_on_the_next_request(records, client):
    client.force_login(records.province_officer)
    url = reverse("home:dashboard", args=[records.lc.pk])
    first = client.get(url, {"period": "year", "year": 2025}).content.decode()
    assert 'data-key="members.total">' in first
    admit_active(records.g1, on=dt.date(2025, 5, 1), full_name="Lò Văn Sáng")
    html = client.get(url, {"period": "year", "year": 2025}).content.decode()
    value = html.split('data-key="members.total">')[1].split('class="fact-value">')[1].split("<")[0]
    assert value == "2"
