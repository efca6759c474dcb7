"""Đà Nẵng objects for the scope walker (see docs/testing.md): the Lào Cai officer must get 404 for each."""


def outside_objects(tree) -> dict:
    danang = tree.other_province_officer
    account = {"pk": danang.pk}
    return {
        "home:dashboard": {"pk": tree.hc.pk},
        "home:dashboard_xlsx": {"pk": tree.hc.pk},
        # Account management (home/staff): the Đà Nẵng officer's account and role.
        "staff:detail": account,
        "staff:edit": account,
        "staff:deactivate": account,
        "staff:reactivate": account,
        "staff:unlock": account,
        "staff:reset_password": account,
        "staff:otp_reset": account,
        "staff:role_add": account,
        "staff:role_remove": {"pk": danang.assignments.get().pk},
    }
