from congdoan.core.text import fold, normalise


def test_fold_removes_vietnamese_diacritics_and_d_stroke():
    assert fold("Nguyễn Văn Ân") == "nguyen van an"
    assert fold("ĐÀ NẴNG") == "da nang"
    assert fold("  Lào   Cai ") == "lao cai"


def test_fold_treats_composed_and_decomposed_input_alike():
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" typed with combining marks
    assert fold(decomposed) == fold("Nguyễn") == "nguyen"


def test_normalise_keeps_diacritics_but_composes_them():
    assert normalise("Nguye\u0302\u0303n  Văn") == "Nguyễn Văn"
