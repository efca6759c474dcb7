"""Amounts of VND in Vietnamese words, as printed under a total on receipts and lists.

Rules followed (the ones accounting software and officers use):
- groups of three digits read with "nghìn", "triệu", "tỷ"; above a tỷ the words repeat ("một nghìn tỷ");
- a group that is not the first one is read in full: "không trăm", "linh" (or "lẻ") before a lone unit;
- tens: "mười" for 1x, "mươi" from 20; units after a ten: "mốt" (21), "tư" (24), "lăm" (15, 25…);
- groups that are all zero are skipped: 1.000.005 → "Một triệu không trăm linh năm".
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 1_000_000_000


def _group(number: int, *, full: bool, zero_ten: str, five: str) -> list[str]:
    """Words for 0 < number < 1000; ``full`` reads hundreds and "linh" even when leading digits are 0."""
    hundreds, tens, ones = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones:
            if words:
                words.append(zero_ten)
            words.append(DIGITS[ones])
    elif tens == 1:
        words.append("mười")
        if ones:
            words.append(five if ones == 5 else DIGITS[ones])
    else:
        words += [DIGITS[tens], "mươi"]
        if ones == 1:
            words.append("mốt")
        elif ones == 4:
            words.append("tư")
        elif ones == 5:
            words.append(five)
        elif ones:
            words.append(DIGITS[ones])
    return words


def _below_billion(number: int, *, leading: bool, zero_ten: str, five: str) -> list[str]:
    words: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, "nghìn"), (1, "")):
        group = number // scale % 1000
        if not group:
            continue
        words += _group(group, full=not (leading and not words), zero_ten=zero_ten, five=five)
        if name:
            words.append(name)
    return words


def _words(number: int, *, leading: bool, zero_ten: str, five: str) -> list[str]:
    if number < BILLION:
        return _below_billion(number, leading=leading, zero_ten=zero_ten, five=five)
    head, rest = divmod(number, BILLION)
    words = _words(head, leading=leading, zero_ten=zero_ten, five=five) + ["tỷ"]
    if rest:
        words += _below_billion(rest, leading=False, zero_ten=zero_ten, five=five)
    return words


def number_in_words(n: int, *, southern: bool = False) -> str:
    """``n`` in lower-case Vietnamese words ("một trăm linh năm"); ``southern`` uses "lẻ" and "nhăm"."""
    n = int(n)
    zero_ten, five = ("lẻ", "nhăm") if southern else ("linh", "lăm")
    if n == 0:
        return "không"
    words = _words(abs(n), leading=True, zero_ten=zero_ten, five=five)
    if n < 0:
        words.insert(0, "âm")
    return " ".join(words)


def vnd_in_words(n: int, *, southern: bool = False) -> str:
    """An amount of VND in words with the currency, first letter capitalised: "Một trăm nghìn đồng"."""
    text = f"{number_in_words(n, southern=southern)} đồng"
    return text[0].upper() + text[1:]
