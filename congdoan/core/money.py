"""Integer VND and numbers in the Vietnamese style (1.234.567)."""


def format_number(value: int | None) -> str:
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".")


def format_vnd(value: int | None) -> str:
    if value is None:
        return ""
    return f"{format_number(value)} đ"
