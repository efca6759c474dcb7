from congdoan.core.text import fold, natural_key, normalise


def test_fold_removes_vietnamese_diacritics_and_d_stroke():
    assert fold("Nguyễn Văn Ân") == "nguyen van an"
    assert fold("ĐÀ NẴNG") == "da nang"
    assert fold("  Lào   Cai ") == "lao cai"


def test_fold_treats_composed_and_decomposed_input_alike():
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" typed with combining marks
    assert fold(decomposed) == fold("Nguyễn") == "nguyen"


def test_normalise_keeps_diacritics_but_composes_them():
    assert normalise("Nguye\u0302\u0303n  Văn") == "Nguyễn Văn"


def test_natural_key_compares_numbers_in_names_as_numbers():
    names = ["CĐCS Tổ 10", "CĐCS Tổ 2", "CĐCS Tổ 1", "CĐCS Tổ 11", "cđcs tổ 3"]
    assert sorted(names, key=natural_key) == [
        "CĐCS Tổ 1",
        "CĐCS Tổ 2",
        "cđcs tổ 3",
        "CĐCS Tổ 10",
        "CĐCS Tổ 11",
    ]
    assert sorted(["10", "9", "1", "100"], key=natural_key) == ["1", "9", "10", "100"]


def test_natural_key_orders_words_without_diacritics_and_handles_empty_names():
    assert sorted(["Phường 3", "Ấp 12", "Ấp 2", ""], key=natural_key) == ["", "Ấp 2", "Ấp 12", "Phường 3"]
    assert natural_key(None) == natural_key("")
