"""Đà Nẵng objects for the scope walker (see docs/testing.md): the Lào Cai officer must get 404 for each."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from congdoan.core.scoping import Scope
from congdoan.emulation import services
from congdoan.emulation.models import AwardKind, AwardQuota
from congdoan.org.services import cluster_save

from .helpers import make_member

SYSTEM = Scope.unrestricted()
PDF = b"%PDF-1.4\n%%EOF\n"


def build(tree) -> dict:
    member = make_member(tree.g4, "Phan Thị Hạnh")
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    movement = services.movement_save(
        scope=SYSTEM,
        owner=tree.dn,
        name="Lao động giỏi, lao động sáng tạo",
        year=2026,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
    )
    services.registration_submit(
        scope=SYSTEM,
        unit=tree.g4,
        year=2026,
        entries=[(AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True), member)],
        registered_on=dt.date(2026, 1, 10),
    )
    cluster = cluster_save(
        scope=SYSTEM,
        owner=tree.dn,
        name="Khối Đà Nẵng",
        kind="block",
        year=2026,
        members=[tree.hc, tree.g4],
        head_unit=tree.hc,
    )
    pledge = services.pledge_save(
        scope=SYSTEM,
        cluster=cluster,
        content="Giao ước",
        criteria=[("Nhiệm vụ", 20)],
        signatories=[(tree.hc, "A", ""), (tree.g4, "B", "")],
    )
    services.pledge_sign(scope=SYSTEM, pledge=pledge, signed_on=dt.date(2026, 1, 20))
    nomination = services.nomination_create(
        scope=SYSTEM,
        proposing_unit=tree.g4,
        award_kind=kind,
        year=2026,
        member=member,
        achievements="Thành tích",
        on=dt.date(2026, 11, 20),
    )
    document = services.nomination_attach(
        scope=SYSTEM,
        nomination=nomination,
        title="Báo cáo",
        uploaded=SimpleUploadedFile("b.pdf", PDF),
    )
    services.nomination_submit(scope=SYSTEM, nomination=nomination)
    council = services.council_session_create(
        scope=SYSTEM,
        granting_unit=tree.dn,
        year=2026,
        held_on=dt.date(2026, 11, 25),
        members_total=5,
        members_present=5,
    )
    services.nomination_council_accept(
        scope=SYSTEM,
        nomination=nomination,
        session=council,
        votes_for=5,
        votes_against=0,
        votes_abstain=0,
    )
    decision = services.decision_issue(
        scope=SYSTEM,
        issuing_unit=tree.dn,
        number="99/QĐ-LĐLĐ",
        issued_on=dt.date(2026, 12, 1),
        signer_name="Người ký",
        signer_title="Chủ tịch",
        year=2026,
        nominations=[nomination],
    )
    discipline = services.discipline_save(
        scope=SYSTEM,
        member=member,
        form="reprimand",
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2020, 6, 30),
    )
    absence = services.absence_save(scope=SYSTEM, member=member, year=2025, days=3)
    quota = AwardQuota.objects.create(award_kind=kind, granting_unit=tree.dn, year=2026, max_count=3)
    return {
        "quota": quota,
        "member": member,
        "movement": movement,
        "cluster": cluster,
        "pledge": pledge,
        "nomination": nomination,
        "document": document,
        "council": council,
        "decision": decision,
        "award": decision.awards.get(),
        "discipline": discipline,
        "absence": absence,
    }


def outside_objects(tree) -> dict:
    o = build(tree)
    pk = {k: v.pk for k, v in o.items()}
    points = {"points": {str(o["pledge"].criteria.get().pk): 10}, "note": ""}
    return {
        "emulation:movement": {"pk": pk["movement"]},
        "emulation:pledge_edit": {"cluster_pk": pk["cluster"]},
        "emulation:pledge": {"pk": pk["pledge"]},
        "emulation:pledge_score": {"pk": pk["pledge"], "unit_pk": tree.g4.pk},
        "emulation:nomination": {"pk": pk["nomination"]},
        "emulation:nomination_document": {"pk": pk["nomination"], "doc_pk": pk["document"]},
        "emulation:decision": {"pk": pk["decision"]},
        "emulation:member_history": {"pk": pk["member"]},
        "emulation:unit_history": {"pk": tree.g4.pk},
        "emulation:member_records": {"member_id": pk["member"]},
        "emulation:discipline_new": {"member_id": pk["member"]},
        "emulation:discipline_edit": {"member_id": pk["member"], "pk": pk["discipline"]},
        "emulation:discipline_delete": {"member_id": pk["member"], "pk": pk["discipline"]},
        "emulation:absence_new": {"member_id": pk["member"]},
        "emulation:absence_edit": {"member_id": pk["member"], "pk": pk["absence"]},
        "emulation:absence_delete": {"member_id": pk["member"], "pk": pk["absence"]},
        # Catalogue pages: not there for non-administrators; Đà Nẵng's quota not there for Lào Cai.
        "emulation:award_kind_edit": {"pk": o["nomination"].award_kind_id},
        "emulation:quota_edit": {"pk": pk["quota"]},
        "GET /api/v1/emulation/movements/{movement_id}": {
            "path": {"movement_id": pk["movement"]},
            "body": None,
        },
        "GET /api/v1/emulation/pledges/{pledge_id}": {"path": {"pledge_id": pk["pledge"]}, "body": None},
        "PUT /api/v1/emulation/clusters/{cluster_id}/pledge": {
            "path": {"cluster_id": pk["cluster"]},
            "body": {"content": "x", "criteria": [{"name": "A", "max_points": 10}], "signatories": []},
        },
        "POST /api/v1/emulation/pledges/{pledge_id}/sign": {
            "path": {"pledge_id": pk["pledge"]},
            "body": {"signed_on": "2026-01-20"},
        },
        "POST /api/v1/emulation/pledges/{pledge_id}/scores/{unit_id}": {
            "path": {"pledge_id": pk["pledge"], "unit_id": tree.g4.pk},
            "body": points,
        },
        "POST /api/v1/emulation/pledges/{pledge_id}/reviews/{unit_id}": {
            "path": {"pledge_id": pk["pledge"], "unit_id": tree.g4.pk},
            "body": points,
        },
        "POST /api/v1/emulation/pledges/{pledge_id}/rank": {
            "path": {"pledge_id": pk["pledge"]},
            "body": None,
        },
        "GET /api/v1/emulation/nominations/{nomination_id}": {
            "path": {"nomination_id": pk["nomination"]},
            "body": None,
        },
        "POST /api/v1/emulation/nominations/{nomination_id}/submit": {
            "path": {"nomination_id": pk["nomination"]},
            "body": None,
        },
        "POST /api/v1/emulation/nominations/{nomination_id}/withdraw": {
            "path": {"nomination_id": pk["nomination"]},
            "body": None,
        },
        "POST /api/v1/emulation/nominations/{nomination_id}/council": {
            "path": {"nomination_id": pk["nomination"]},
            "body": {"council_id": pk["council"], "accept": True, "votes_for": 5},
        },
        # Recording a decision received by a Đà Nẵng unit for a Đà Nẵng member: neither exists for Lào Cai.
        "POST /api/v1/emulation/decisions/recorded": {
            "path": {},
            "body": {
                "issuing_unit_id": tree.dn.pk,
                "issuer": "province_gov",
                "issuer_name": "Ủy ban nhân dân thành phố Đà Nẵng",
                "number": "5/QĐ-UBND",
                "issued_on": "2024-01-12",
                "year": 2023,
                "lines": [{"award_kind": "huy_hieu_ubnd", "member_id": pk["member"]}],
            },
        },
        "GET /api/v1/emulation/decisions/{decision_id}": {
            "path": {"decision_id": pk["decision"]},
            "body": None,
        },
        "GET /api/v1/emulation/decisions/{decision_id}/awards": {
            "path": {"decision_id": pk["decision"]},
            "body": None,
        },
        "GET /api/v1/emulation/history/members/{member_id}": {
            "path": {"member_id": pk["member"]},
            "body": None,
        },
        "GET /api/v1/emulation/history/units/{unit_id}": {"path": {"unit_id": tree.g4.pk}, "body": None},
    }
