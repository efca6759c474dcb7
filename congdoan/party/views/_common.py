"""What the Party pages share: only officers and administrators open them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from congdoan.core.scoping import Scope

from .. import selectors


def officer_scope(request) -> Scope:
    """The user's scope, or 403 for a user holding no officer role (Party data is political data)."""
    scope = Scope.of(request)
    if not selectors.may_see(scope):
        raise PermissionDenied
    return scope
