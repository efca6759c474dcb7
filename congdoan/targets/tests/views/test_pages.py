import pytest

from ..conftest import fill
from ..scope_fixtures import outside_objects

pytestmark = pytest.mark.django_db


def test_pages_render_for_a_province_officer(cat, login):
    t = cat.tree
    fill(cat, t.g1, {cat.members: "10"}, approve=True)
    client = login(t.province_officer)
    for url in [
        "/targets/",
        f"/targets/units/{t.lc.pk}/completeness/?period=2026-Q1",
        f"/targets/units/{t.lc.pk}/rollup/?period=2026-Q1",
        f"/targets/units/{t.lc.pk}/rollup/?period=2026-Q1&structure=then",
        f"/targets/units/{t.lc.pk}/rollup/?period=2026-Q1&export=xlsx",
        f"/targets/units/{t.lc.pk}/evaluation/?year=2026",
        f"/targets/units/{t.lc.pk}/targets/",
        "/targets/indicators/",
    ]:
        assert client.get(url).status_code == 200, url
    assert client.get(f"/targets/indicators/{cat.members.pk}/edit/").status_code == 404


def test_the_report_list_api_shows_nothing_of_another_province(cat, login):
    """What the per-app scope walk checked beyond the global walker (tests/test_scope_walk.py, which visits
    every route with ``scope_fixtures.outside_objects``): the list is empty, not merely free of names."""
    t = cat.tree
    outside_objects(t)  # a report of Đà Nẵng's grassroots union exists
    client = login(t.province_officer)
    assert client.get("/api/v1/targets/reports").json() == {"items": [], "count": 0}


def test_the_period_is_picked_by_its_vietnamese_name_never_typed_as_a_code(cat, login):
    t = cat.tree
    client = login(t.province_officer)
    body = client.get(f"/targets/units/{t.lc.pk}/completeness/?period=2026-Q1").content.decode()
    assert (
        'placeholder="2026-Q1"' not in body
        and '<select class="form-select form-select-sm" id="pick-period"' in body
    )
    assert '<option value="2026-Q1" selected>Quý I năm 2026</option>' in body
    assert '<option value="2025-Q4">Quý IV năm 2025</option>' in body
