"""Đà Nẵng objects for the scope walker (see docs/testing.md): the Lào Cai officer must get 404 for each."""

import datetime as dt

from congdoan.congress.tests.scope_fixtures import build as build_congress
from congdoan.documents.reviews import review_open
from congdoan.emulation.tests.scope_fixtures import build
from congdoan.finance.tests.scope_fixtures import document_objects
from congdoan.org.services import cluster_save
from congdoan.welfare import services as welfare_services
from congdoan.welfare.constants import FundKind
from congdoan.welfare.tests.conftest import SYSTEM, make_member, make_programme


def outside_objects(tree) -> dict:
    emulation = build(tree)
    programme = make_programme(tree.dn, funds=(FundKind.GRASSROOTS,))
    member = make_member(tree.g4, "Trần Thị Đà")
    welfare_services.payment_add(scope=SYSTEM, programme=programme, member=member, amount=500_000)
    welfare_services.payments_submit(scope=SYSTEM, programme=programme)
    welfare_services.payments_approve(scope=SYSTEM, programme=programme)
    review = review_open(scope=SYSTEM, unit=tree.dn, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
    reviews = {
        f"documents:review_{name}": {"pk": review.pk}
        for name in ("page", "edit", "redraft", "issue", "reopen")
    }
    cluster = cluster_save(
        scope=SYSTEM, owner=tree.dn, name="Cụm Đà Nẵng", kind="cluster", year=2025, members=[tree.hc, tree.g4]
    )
    return {
        **reviews,
        **document_objects(tree),
        "documents:cluster_review": {"pk": cluster.pk},
        "documents:member_personal_data": {"pk": member.pk},
        "documents:cluster_review_file": {"pk": cluster.pk, "fmt": "pdf"},
        "documents:review_download": {"pk": review.pk, "fmt": "pdf"},
        "documents:review_create": {"pk": tree.dn.pk},
        "documents:decision_pdf": {"pk": emulation["decision"].pk},
        "documents:decision_docx": {"pk": emulation["decision"].pk},
        "documents:certificate": {"pk": emulation["award"].pk},
        "documents:welfare_receipt": {"pk": programme.pk, "fmt": "pdf"},
        "documents:review": {"pk": tree.dn.pk, "fmt": "pdf"},
        "documents:congress_decision": {"pk": build_congress(tree)["term"].pk, "fmt": "pdf"},
        "documents:statistics_form": {"pk": tree.dn.pk},
        "GET /api/v1/documents/facts": {
            "query": {"unit_id": tree.dn.pk, "start": "2026-01-01", "end": "2026-12-31"}
        },
    }
