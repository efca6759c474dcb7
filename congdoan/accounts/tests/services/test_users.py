"""An administrator creates, edits, deactivates accounts and gives roles — in their subtree, never above."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from congdoan.accounts import services
from congdoan.accounts.models import Assignment, User
from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope


def scope_of(user):
    return Scope.for_user(user)


def test_an_administrator_creates_an_account_with_a_temporary_password_to_change(tree, admins):
    user, password = services.user_create(
        scope=scope_of(admins.lc),
        username="cs.apatit",
        full_name="  Nguyễn  Thị Hoa ",
        email="Hoa@Apatit.VN",
        phone="0912 345 678",
        unit=tree.g1,
        role=Role.OFFICER,
    )
    user.refresh_from_db()
    assert user.full_name == "Nguyễn Thị Hoa" and user.email == "hoa@apatit.vn"
    assert user.must_change_password and user.check_password(password) and len(password) == 14
    assert list(user.assignments.values_list("unit", "role")) == [(tree.g1.pk, Role.OFFICER)]
    assert user.search_text == "nguyen thi hoa cs.apatit hoa@apatit.vn"
    event = Event.objects.get(action="account.create")
    assert event.actor == admins.lc and event.unit == tree.g1 and "cs.apatit" in event.summary


def test_bad_fields_are_named_in_vietnamese_and_nothing_is_saved(tree, admins):
    before = User.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.user_create(
            scope=scope_of(admins.lc),
            username="tinh",  # taken
            full_name="",
            email="khong-phai-thu",
            phone="abc",
            unit=tree.g1,
            role=Role.OFFICER,
        )
    errors = caught.value.message_dict
    assert set(errors) == {"username", "full_name", "email", "phone"}
    assert "đã có người dùng" in errors["username"][0] and errors["email"][0].startswith("Thư điện tử")
    assert User.objects.count() == before and not Event.objects.filter(action="account.create").exists()


def test_an_administrator_cannot_create_outside_the_subtree(tree, admins):
    with pytest.raises(PermissionDenied, match="quản trị đơn vị “Công đoàn phường Hải Châu”"):
        services.user_create(
            scope=scope_of(admins.lc), username="x1", full_name="X", unit=tree.hc, role=Role.VIEWER
        )
    with pytest.raises(PermissionDenied, match="Lào Cai"):
        services.user_create(
            scope=scope_of(admins.bt), username="x2", full_name="X", unit=tree.lc, role=Role.VIEWER
        )
    assert not User.objects.filter(username__in=["x1", "x2"]).exists()


def test_an_officer_cannot_manage_accounts_at_all(tree):
    with pytest.raises(PermissionDenied, match="Chỉ quản trị"):
        services.user_create(
            scope=scope_of(tree.province_officer), username="x", full_name="X", unit=tree.g1, role=Role.VIEWER
        )


def test_the_administrator_role_on_ones_own_unit_comes_only_from_the_level_above(tree, admins):
    """Granting a role above one's own: a commune administrator makes no peer administrator of the commune."""
    with pytest.raises(PermissionDenied, match="do cấp trên của đơn vị cấp"):
        services.user_create(
            scope=scope_of(admins.bt), username="peer", full_name="Peer", unit=tree.bt, role=Role.ADMIN
        )
    with pytest.raises(PermissionDenied, match="không thể cấp vai trò cao hơn|không có quyền"):
        services.check_grant(scope_of(tree.commune_officer), tree.g1, Role.ADMIN)
    # Below the own unit, and from the province for the commune, it is allowed.
    services.user_create(
        scope=scope_of(admins.bt), username="qt.cs", full_name="QT CS", unit=tree.g1, role=Role.ADMIN
    )
    services.user_create(
        scope=scope_of(admins.lc), username="qt.bt2", full_name="QT", unit=tree.bt, role=Role.ADMIN
    )


def test_a_peer_or_a_superior_account_cannot_be_touched(tree, admins):
    with pytest.raises(PermissionDenied, match="ngoài phạm vi"):
        services.user_set_active(scope=scope_of(admins.bt), user=admins.lc, active=False)
    with pytest.raises(PermissionDenied, match="ngoài phạm vi"):
        services.password_reset_by_admin(scope=scope_of(admins.lc), user=tree.other_province_officer)
    with pytest.raises(PermissionDenied, match="tự thay đổi"):
        services.user_set_active(scope=scope_of(admins.lc), user=admins.lc, active=False)
    # A user with a role in Lào Cai and another in Đà Nẵng is managed by neither province alone.
    Assignment.objects.create(user=tree.commune_officer, unit=tree.hc, role=Role.VIEWER)
    with pytest.raises(PermissionDenied, match="Hải Châu"):
        services.user_update(
            scope=scope_of(admins.lc), user=tree.commune_officer, full_name="Y", email="", phone=""
        )
    assert User.objects.get(pk=admins.lc.pk).is_active


def test_the_list_of_managed_accounts_stays_in_the_subtree(tree, admins):
    lao_cai = set(services.managed_users(scope_of(admins.lc)).values_list("username", flat=True))
    assert {"tinh", "xa", "coso", "xem", "qt.baothang", "qt.laocai"} <= lao_cai
    assert not lao_cai & {"danang", "qt.danang", "trunguong"}
    assert set(services.managed_users(scope_of(admins.bt)).values_list("username", flat=True)) == {
        "xa",
        "coso",
        "qt.baothang",
    }
    assert not services.managed_users(scope_of(tree.province_officer)).exists()


def test_a_deactivated_account_loses_its_sessions_and_api_tokens_at_once(tree, admins):
    _token, secret = services.token_create(user=tree.commune_officer, name="Excel")
    browser = Client()
    browser.force_login(tree.commune_officer)
    api = Client()
    assert api.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    services.user_set_active(scope=scope_of(admins.lc), user=tree.commune_officer, active=False)
    assert api.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    assert browser.get("/").status_code == 302, "the open session ended"
    assert Event.objects.filter(action="account.deactivate", actor=admins.lc).exists()
    with pytest.raises(ValidationError, match="đã bị khoá"):
        services.user_set_active(scope=scope_of(admins.lc), user=tree.commune_officer, active=False)
    services.user_set_active(scope=scope_of(admins.lc), user=tree.commune_officer, active=True)
    assert api.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    assert Event.objects.filter(action="account.reactivate").count() == 1


def test_roles_are_granted_changed_and_revoked_but_never_the_last_one(tree, admins):
    scope = scope_of(admins.lc)
    services.role_grant(scope=scope, user=tree.commune_officer, unit=tree.cd, role=Role.VIEWER)
    services.role_grant(scope=scope, user=tree.commune_officer, unit=tree.cd, role=Role.OFFICER)
    assignment = tree.commune_officer.assignments.get(unit=tree.cd)
    assert assignment.role == Role.OFFICER
    with pytest.raises(ValidationError, match="đã có vai trò"):
        services.role_grant(scope=scope, user=tree.commune_officer, unit=tree.cd, role=Role.OFFICER)
    with pytest.raises(PermissionDenied):
        services.role_grant(scope=scope, user=tree.commune_officer, unit=tree.hc, role=Role.VIEWER)
    services.role_revoke(scope=scope, assignment=assignment)
    with pytest.raises(ValidationError, match="vai trò duy nhất"):
        services.role_revoke(scope=scope, assignment=tree.commune_officer.assignments.get())
    actions = list(Event.objects.filter(actor=admins.lc).order_by("pk").values_list("action", flat=True))
    assert actions == ["assignment.set", "assignment.set", "assignment.revoke"]


def test_the_administrator_above_resets_a_password_and_unlocks(tree, admins, settings):
    browser = Client()
    browser.force_login(tree.grassroots_officer)
    password = services.password_reset_by_admin(scope=scope_of(admins.bt), user=tree.grassroots_officer)
    user = User.objects.get(pk=tree.grassroots_officer.pk)
    assert user.check_password(password) and user.must_change_password
    assert browser.get("/").status_code == 302, "the old sessions ended with the old password"
    assert Event.objects.filter(action="account.password_reset", actor=admins.bt).exists()
    services.user_unlock(scope=scope_of(admins.bt), user=user)
    assert Event.objects.filter(action="account.unlock", actor=admins.bt).exists()
