"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""


def outside_objects(tree) -> dict:
    from congdoan.party.tests.conftest import introduce, make_member

    member = make_member(tree.g4, "Trần Văn Đà")
    intro = introduce(member)
    i, m = {"pk": intro.pk}, {"pk": member.pk}
    return {
        "party:detail": i,
        "party:edit": i,
        "party:member": m,
    }
