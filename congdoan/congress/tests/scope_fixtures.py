"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""

import datetime as dt


def build(tree) -> dict:
    """A plan of Đà Nẵng, a congress of its grassroots union held and recognised, one seat (also used by the
    documents app's fixtures for the printed decision)."""
    from congdoan.congress import services
    from congdoan.congress.constants import BodyKind
    from congdoan.congress.tests.conftest import SYSTEM, make_congress, make_member
    from congdoan.org.models import UnitKind

    plan = services.plan_create(
        scope=SYSTEM,
        owner=tree.dn,
        name="Kế hoạch đại hội Đà Nẵng 2023–2028",
        term_start=2023,
        term_end=2028,
        deadlines={UnitKind.objects.get(code="grassroots"): dt.date(2023, 6, 30)},
    )
    congress = make_congress(tree.g4)
    services.congress_record(scope=SYSTEM, congress=congress, held_on=dt.date(2023, 5, 5), members_count=30)
    member = make_member(tree.g4, "Trần Thị Đà")
    seat = services.seat_add(scope=SYSTEM, term=congress.term, kind=BodyKind.EXECUTIVE, member=member)
    term = services.term_recognise(
        scope=SYSTEM,
        term=congress.term,
        decision_no="7/QĐ-CĐP",
        decision_date=dt.date(2023, 5, 20),
        signer_name="Lê Văn Hải",
        signer_title="Chủ tịch",
    )
    return {"plan": plan, "congress": congress, "term": term, "seat": seat}


def outside_objects(tree) -> dict:
    built = build(tree)
    congress, term, plan, seat = built["congress"], built["term"], built["plan"], built["seat"]
    c, t, p = {"pk": congress.pk}, {"pk": term.pk}, {"pk": plan.pk}
    api = "/api/v1/congress"
    return {
        "congress:unit": {"pk": tree.g4.pk},
        "congress:congress_new": {"pk": tree.g4.pk},
        "congress:term_appoint": {"pk": tree.g4.pk},
        "congress:congress": c,
        "congress:congress_edit": c,
        "congress:congress_record": c,
        "congress:term": t,
        "congress:seat_new": t,
        "congress:term_recognise": t,
        "congress:seat_remove": {"pk": seat.pk},
        "congress:plan": p,
        "congress:plan_edit": p,
        "congress:plan_remind": p,
        f"GET {api}/congresses/{{congress_id}}": {"path": {"congress_id": congress.pk}, "body": None},
        f"POST {api}/congresses/{{congress_id}}/record": {
            "path": {"congress_id": congress.pk},
            "body": {"held_on": "2023-05-06"},
        },
        f"GET {api}/terms/{{term_id}}": {"path": {"term_id": term.pk}, "body": None},
        f"POST {api}/terms/{{term_id}}/seats": {
            "path": {"term_id": term.pk},
            "body": {"kind": "executive", "full_name": "Người ngoài"},
        },
        f"GET {api}/plans/{{plan_id}}": {"path": {"plan_id": plan.pk}, "body": None},
        f"GET {api}/plans/{{plan_id}}/units": {"path": {"plan_id": plan.pk}, "body": None},
    }
