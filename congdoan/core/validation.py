"""The one way services refuse bad input: a ValidationError in Vietnamese, on a named field if given."""

from django.core.exceptions import ValidationError


def require(condition: bool, message: str, field: str | None = None) -> None:
    """Raise ``ValidationError(message)`` (on ``field`` when given) unless ``condition`` holds."""
    if not condition:
        raise ValidationError({field: message} if field else message)
