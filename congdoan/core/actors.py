"""Who acted: services take ``actor`` as a user, an anonymous user or None (system jobs, demo loaders)."""


def user_or_none(actor):
    """The saved user behind ``actor``, or None when the system (or an anonymous user) acted."""
    return actor if getattr(actor, "pk", None) else None
