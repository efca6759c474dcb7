"""Objects of accounts that belong to someone in Đà Nẵng, for the project-wide scope walker."""

from congdoan.accounts import services


def outside_objects(tree) -> dict:
    token, _secret = services.token_create(user=tree.other_province_officer, name="Khoá của Đà Nẵng")
    return {"accounts:token_revoke": {"pk": token.pk}}
