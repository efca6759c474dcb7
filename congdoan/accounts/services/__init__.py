"""Writes of the accounts app, one module per use case (re-exported here)."""

from .bulk import Created, accounts_bulk_create
from .otp import otp_check, otp_confirm, otp_device, otp_pending_device, otp_remove, otp_reset_by_admin
from .passwords import password_changed, password_reset_by_admin, sessions_end_all, user_unlock
from .rules import can_manage_accounts, check_grant, check_manage, managed_assignments, managed_users
from .tokens import token_authenticate, token_create, token_revoke
from .users import role_grant, role_revoke, temporary_password, user_create, user_set_active, user_update

__all__ = [
    "Created",
    "accounts_bulk_create",
    "can_manage_accounts",
    "check_grant",
    "check_manage",
    "managed_assignments",
    "managed_users",
    "otp_check",
    "otp_confirm",
    "otp_device",
    "otp_pending_device",
    "otp_remove",
    "otp_reset_by_admin",
    "password_changed",
    "password_reset_by_admin",
    "role_grant",
    "role_revoke",
    "sessions_end_all",
    "temporary_password",
    "token_authenticate",
    "token_create",
    "token_revoke",
    "user_create",
    "user_set_active",
    "user_unlock",
    "user_update",
]
