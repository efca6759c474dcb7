"""Đà Nẵng objects for the scope walker (see docs/testing.md): the Lào Cai officer must get 404 for each."""


def outside_objects(tree) -> dict:
    return {"home:dashboard": {"pk": tree.hc.pk}, "home:dashboard_xlsx": {"pk": tree.hc.pk}}
