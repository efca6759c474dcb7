from django.core.exceptions import ValidationError


def require(condition: bool, message: str, field: str | None = None) -> None:
    if not condition:
        raise ValidationError({field: message} if field else message)


def within(unit, ancestor) -> bool:
    """Is ``unit`` ``ancestor`` itself or below it (latest structure)?"""
    return unit.path.startswith(ancestor.path)
