"""The report entry page (/targets/): the chosen year's reports of the unit, and the count of reports
waiting for the officer's approval, the same number the approval page lists."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congdoan.core.roles import Role
from congdoan.targets.constants import PeriodType
from congdoan.targets.periods import Period
from tests.factories import officer

from ..conftest import Q1, fill

pytestmark = pytest.mark.django_db


def _count(client) -> int:
    body = client.get("/targets/").content.decode()
    return int(re.search(r'id="inbox-count">(\d+)<', body).group(1))


def _listed(client, reports) -> int:
    body = client.get("/targets/inbox/").content.decode()
    return sum(f"/targets/reports/{r.pk}/" in body for r in reports)


def test_the_waiting_count_is_what_the_approval_page_lists_for_every_officer(cat, login):
    t = cat.tree
    sent = [
        fill(cat, t.g1, {cat.members: "10"}, submit=True),  # Bảo Thắng
        fill(cat, t.g3, {cat.members: "10"}, submit=True),  # Cam Đường
        fill(cat, t.g4, {cat.members: "10"}, submit=True),  # Đà Nẵng
        fill(cat, t.bt, {cat.members: "10"}, submit=True),  # the commune's own report
    ]
    fill(cat, t.g2, {cat.members: "10"})  # a draft: never waiting
    expected = {
        t.national_admin: 4,
        t.province_officer: 4 - 1,  # not Đà Nẵng's
        t.commune_officer: 1,  # g1 only: its own report goes to the province
        t.grassroots_officer: 0,  # its own report is approved above it
        t.other_province_officer: 1,
        t.viewer: 0,  # a viewer of Lào Cai approves nothing
    }
    for user, count in expected.items():
        client = login(user)
        assert _count(client) == count == _listed(client, sent), user.username


def test_a_viewer_who_is_also_an_officer_higher_up_counts_through_the_officer_role(cat, login):
    t = cat.tree
    sent = fill(cat, t.g1, {cat.members: "10"}, submit=True)
    user = officer(t.bt, Role.VIEWER, username="xem_xa")
    user.assignments.create(unit=t.lc, role=Role.OFFICER)
    client = login(user)
    assert _count(client) == 1 == _listed(client, [sent])


def test_the_page_shows_the_chosen_years_reports_in_a_constant_number_of_queries(cat, login):
    t = cat.tree
    this_year = fill(cat, t.g1, {cat.members: "10"}, submit=True)
    last_year = fill(cat, t.g1, {cat.members: "9"}, period=Period(PeriodType.QUARTER, 2025, 4))
    client = login(t.grassroots_officer)
    page = client.get("/targets/", {"unit": t.g1.pk, "year": 2026}).content.decode()
    assert f"/targets/reports/{this_year.pk}/" in page and f"/targets/reports/{last_year.pk}/" not in page
    assert re.search(rf'data-period="{Q1.key}">.*?Đã gửi', page, re.S)
    page = client.get("/targets/", {"unit": t.g1.pk, "year": 2025}).content.decode()
    assert f"/targets/reports/{last_year.pk}/" in page and f"/targets/reports/{this_year.pk}/" not in page
    with CaptureQueriesContext(connection) as before:
        client.get("/targets/", {"unit": t.g1.pk, "year": 2026})
    for n in (2, 3, 4):  # more reports of the year: no query per report
        fill(cat, t.g1, {cat.members: "10"}, period=Period(PeriodType.QUARTER, 2026, n))
    with CaptureQueriesContext(connection) as after:
        client.get("/targets/", {"unit": t.g1.pk, "year": 2026})
    assert len(after.captured_queries) == len(before.captured_queries)
