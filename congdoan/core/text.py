"""Vietnamese text folding: the one way names are made searchable without diacritics."""

import re
import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Return ``text`` NFC-normalised, lower-cased, without diacritics and with single spaces.

    "Nguyễn Văn Ân" and "nguyen  van an" fold to the same "nguyen van an"; "Đà Nẵng" folds to "da nang".
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def normalise(text: str | None) -> str:
    """NFC-normalise and collapse whitespace, keeping diacritics (what we store as the display name)."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str | None, folded: str | None = None) -> tuple:
    """Sort key comparing the numbers inside a name as numbers: "Tổ 2" before "Tổ 10" (issue 19 §6).

    Letters compare folded (without diacritics, case-insensitive), then as written, so the order is stable.
    ``folded``: the text already folded (a stored ``name_folded``), which saves folding it again.
    """
    parts = _DIGITS.split(fold(text) if folded is None else folded)
    # re.split with a group puts text at even and digit runs at odd positions: each position has one type.
    key = tuple(int(p) if i % 2 else p for i, p in enumerate(parts))
    return (key, text or "")
