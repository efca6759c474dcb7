from congdoan.core.scoping import Scope

from .services.rules import can_manage_accounts


def current_scope(request):
    """Expose the user's assignments (their units and roles) to every template."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = Scope.for_user(user)
    assignments = getattr(user, "_congdoan_assignments", None)  # read with the scope (core.scoping)
    if assignments is None:  # a scope cached before the rows were kept
        assignments = list(user.assignments.select_related("unit", "unit__kind"))
    return {
        "my_assignments": assignments,
        "my_scope": scope,
        "can_manage_accounts": can_manage_accounts(scope),
    }
