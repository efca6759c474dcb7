from .selectors import unread_count


def inbox(request):
    """The unread count beside "Thông báo" in the menu."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"inbox_unread": unread_count(user=user)}
