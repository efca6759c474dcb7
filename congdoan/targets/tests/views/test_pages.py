import pytest

from congdoan.core.scoping import Scope
from congdoan.targets.constants import ReportStatus

from ..conftest import fill
from ..scope_fixtures import outside_objects

pytestmark = pytest.mark.django_db
ALL = Scope.unrestricted()
ILLEGAL = {
    ReportStatus.DRAFT: ["return", "approve", "reopen"],
    ReportStatus.SUBMITTED: ["submit", "save", "reopen"],
    ReportStatus.RETURNED: ["return", "approve", "reopen"],
    ReportStatus.APPROVED: ["submit", "save", "return", "approve"],
}


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


def test_everything_of_another_province_is_404(cat, login):
    t = cat.tree
    from django.urls import reverse

    client = login(t.province_officer)
    for name, kwargs in outside_objects(t).items():
        if name.startswith(("GET ", "POST ", "PUT ")):
            method, path = name.split(" ", 1)
            url = path.format(**kwargs["path"])
            call = {"GET": client.get, "POST": client.post, "PUT": client.put}[method]
            response = (
                call(url, kwargs["body"] or {}, content_type="application/json")
                if method != "GET"
                else call(url)
            )
        else:
            response = client.get(reverse(name, kwargs=kwargs))
            if response.status_code == 405:
                response = client.post(reverse(name, kwargs=kwargs))
        assert response.status_code == 404, name
    assert client.get("/api/v1/targets/reports").json() == []
