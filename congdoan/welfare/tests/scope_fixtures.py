"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""

import datetime as dt


def outside_objects(tree) -> dict:
    from congdoan.welfare import services
    from congdoan.welfare.constants import FundKind, ProgrammeKind
    from congdoan.welfare.tests.conftest import SYSTEM, make_member, make_programme

    programme = make_programme(tree.dn, funds=(FundKind.GRASSROOTS,), online_registration=True)
    member = make_member(tree.g4, "Trần Thị Đà")
    payment = services.payment_add(scope=SYSTEM, programme=programme, member=member, amount=500_000)
    services.payments_submit(scope=SYSTEM, programme=programme)
    services.payments_approve(scope=SYSTEM, programme=programme)
    houses = make_programme(tree.dn, ProgrammeKind.UNION_HOUSE, name="Mái ấm Công đoàn Đà Nẵng")
    house = services.house_create(
        scope=SYSTEM,
        programme=houses,
        unit=tree.g4,
        household_name="Hộ bà Lê Thị Hoa",
        situation="Nhà xuống cấp",
        work="repair",
        approved_amount=50_000_000,
        approved_on=dt.date(2026, 3, 1),
    )
    from congdoan.welfare.models import Registration

    registration = Registration.objects.create(programme=programme, member=member, unit=tree.g4)
    from congdoan.welfare.social import services as social

    donor = social.donor_create(scope=SYSTEM, owner=tree.hc, name="Công ty Dệt may Hòa Thọ", kind="business")
    gift = social.gift_create(
        scope=SYSTEM,
        unit=tree.g4,
        donor=donor,
        recipient_kind="household",
        recipient_name="Hộ ông Trần Văn Hải",
        value=3_000_000,
        given_on=dt.date(2026, 1, 15),
    )
    p, pay, reg = {"pk": programme.pk}, {"pk": payment.pk}, {"pk": registration.pk}
    api = "/api/v1/welfare"
    return {
        "welfare:programme": p,
        "welfare:programme_edit": p,
        "welfare:fund_new": p,
        "welfare:pick": p,
        "welfare:import": p,
        "welfare:submit": p,
        "welfare:approve": p,
        "welfare:house_new": p,
        "welfare:payment_reverse": pay,
        "welfare:payment_delete": pay,
        "welfare:house": {"pk": house.pk},
        "welfare:registration_decide": reg,
        "welfare:registration_import": p,
        "welfare:gift_delete": {"pk": gift.pk},
        f"GET {api}/social/gifts/{{gift_id}}": {"path": {"gift_id": gift.pk}, "body": None},
        f"GET {api}/programmes/{{programme_id}}": {"path": {"programme_id": programme.pk}, "body": None},
        f"PUT {api}/programmes/{{programme_id}}": {
            "path": {"programme_id": programme.pk},
            "body": {
                "owner_id": tree.dn.pk,
                "kind": "tet_gifts",
                "name": "Đổi tên",
                "start": "2026-01-01",
                "end": "2026-02-28",
            },
        },
        f"POST {api}/programmes/{{programme_id}}/funds": {
            "path": {"programme_id": programme.pk},
            "body": {"kind": "national", "budget": 1},
        },
        f"GET {api}/programmes/{{programme_id}}/payments": {
            "path": {"programme_id": programme.pk},
            "body": None,
        },
        f"POST {api}/programmes/{{programme_id}}/payments": {
            "path": {"programme_id": programme.pk},
            "body": {"member_id": member.pk, "amount": 1},
        },
        f"POST {api}/programmes/{{programme_id}}/submit": {
            "path": {"programme_id": programme.pk},
            "body": None,
        },
        f"GET {api}/programmes/{{programme_id}}/warnings": {
            "path": {"programme_id": programme.pk},
            "body": None,
        },
        f"POST {api}/programmes/{{programme_id}}/approve": {
            "path": {"programme_id": programme.pk},
            "body": {"confirm_warnings": True},
        },
        f"POST {api}/payments/{{payment_id}}/reverse": {
            "path": {"payment_id": payment.pk},
            "body": {"reason": "Thử"},
        },
        f"POST {api}/registrations/{{registration_id}}/decide": {
            "path": {"registration_id": registration.pk},
            "body": {"approve": True},
        },
    }
