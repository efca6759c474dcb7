"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""


def outside_objects(tree) -> dict:
    from congdoan.party.tests.conftest import introduce, make_member

    member = make_member(tree.g4, "Trần Văn Đà")
    intro = introduce(member)
    i, m = {"pk": intro.pk}, {"pk": member.pk}
    api = "/api/v1/party"
    return {
        "party:detail": i,
        "party:edit": i,
        "party:member": m,
        f"GET {api}/introductions/{{introduction_id}}": {"path": {"introduction_id": intro.pk}, "body": None},
        f"PUT {api}/introductions/{{introduction_id}}": {
            "path": {"introduction_id": intro.pk},
            "body": {"resolution_no": "9", "party_cell": "Chi bộ", "mentors": "A"},
        },
        f"POST {api}/introductions/{{introduction_id}}/move": {
            "path": {"introduction_id": intro.pk},
            "body": {"to": "training", "on": "2025-04-01"},
        },
        f"GET {api}/members/{{member_id}}": {"path": {"member_id": member.pk}, "body": None},
        f"POST {api}/introductions": {
            "path": {},
            "body": {
                "member_id": member.pk,
                "resolution_no": "9",
                "introduced_on": "2025-03-01",
                "party_cell": "Chi bộ",
                "mentors": "A",
            },
        },
        f"GET {api}/figures": {"query": {"unit_id": tree.dn.pk}},
        f"GET {api}/introductions": {"query": {"unit_id": tree.dn.pk}},
    }
