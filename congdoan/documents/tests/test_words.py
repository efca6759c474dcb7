import pytest
from hypothesis import given
from hypothesis import strategies as st

from congdoan.documents.engine.words import number_in_words, vnd_in_words

CASES = [
    (0, "Không đồng"),
    (1, "Một đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi tư đồng"),
    (25, "Hai mươi lăm đồng"),
    (99, "Chín mươi chín đồng"),
    (100, "Một trăm đồng"),
    (101, "Một trăm linh một đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (115, "Một trăm mười lăm đồng"),
    (1_000, "Một nghìn đồng"),
    (1_001, "Một nghìn không trăm linh một đồng"),
    (1_010, "Một nghìn không trăm mười đồng"),
    (1_100, "Một nghìn một trăm đồng"),
    (10_000, "Mười nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (500_000, "Năm trăm nghìn đồng"),
    (1_000_000, "Một triệu đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1_000_005, "Một triệu không trăm linh năm đồng"),
    (3_000_000, "Ba triệu đồng"),
    (50_000_000, "Năm mươi triệu đồng"),
    (126_100_000, "Một trăm hai mươi sáu triệu một trăm nghìn đồng"),
    (1_234_567, "Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
    (4_750_500_000_000, "Bốn nghìn bảy trăm năm mươi tỷ năm trăm triệu đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (-15_000, "Âm mười lăm nghìn đồng"),
]


@pytest.mark.parametrize(("amount", "words"), CASES)
def test_it_reads_amounts_as_an_accountant_writes_them(amount, words):
    assert vnd_in_words(amount) == words


def test_southern_reading_uses_le_and_nham():
    assert number_in_words(105, southern=True) == "một trăm lẻ năm"
    assert number_in_words(15, southern=True) == "mười nhăm"


DIGIT = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
SCALE = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def parse(words: str) -> int:
    """An independent reader of the words back into a number (to check the writer round-trips)."""
    tokens = words.lower().removesuffix(" đồng").split()
    sign = -1 if tokens[:1] == ["âm"] else 1
    tokens = tokens[1:] if sign < 0 else tokens
    parts: list[tuple[int, int]] = []
    small, pending = 0, None
    for token in tokens:
        if token in DIGIT:
            pending = DIGIT[token]
        elif token == "trăm":
            small, pending = small + pending * 100, None
        elif token == "mươi":
            small, pending = small + pending * 10, None
        elif token == "mười":
            small += 10
        elif token in ("linh", "lẻ"):
            continue
        elif token in SCALE:
            value = small + (pending or 0)
            small, pending = 0, None
            # "tỷ" repeats ("một tỷ tỷ"), so a tỷ also gathers what was said before an earlier tỷ.
            while parts and (parts[-1][1] < SCALE[token] or token == "tỷ"):
                value += parts.pop()[0]
            parts.append((value * SCALE[token], SCALE[token]))
        else:
            raise AssertionError(f"unknown word {token!r}")
    return sign * (sum(v for v, _ in parts) + small + (pending or 0))


@given(st.integers(min_value=-(10**15), max_value=10**18))
def test_words_read_back_to_the_same_amount(amount):
    words = vnd_in_words(amount)
    assert words[0].isupper() and words.endswith(" đồng")
    assert "  " not in words
    assert parse(words) == amount


@given(st.integers(min_value=0, max_value=17))
def test_powers_of_ten_have_no_filler_words(k):
    words = number_in_words(10**k)
    assert "không" not in words and "linh" not in words
    assert parse(words) == 10**k


@given(st.integers(min_value=1, max_value=10**12))
def test_a_group_after_the_first_is_read_in_full(amount):
    # n * 1000 + 5 always ends in "... không trăm linh năm" (or is just "năm" when n == 0).
    assert number_in_words(amount * 1000 + 5).endswith("không trăm linh năm")
