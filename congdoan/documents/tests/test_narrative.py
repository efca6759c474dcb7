"""The narrative draft: a table of fact sets and the sentences they must give (numbers, percentages with commas,
zero and absent bases, last year named or "cùng kỳ", no "0 tập thể", awards by level, the amount in words,
a changed organisation said)."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from congdoan.core.scoping import Scope
from congdoan.documents.facts import Fact
from congdoan.documents.narrative import change, percent, sentences, subtree_changed
from congdoan.restructure import operations

YEAR = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
PROVINCE = SimpleNamespace(kind=SimpleNamespace(level=1))
COMMUNE = SimpleNamespace(kind=SimpleNamespace(level=2))


def fact(key, value, previous=None, out_of=None) -> Fact:
    return Fact(key, key, value, "", previous=previous, out_of=out_of)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("104.5"), "104,5 %"),
        (Decimal("47.99"), "47,99 %"),
        (Decimal("8.2"), "8,2 %"),
        (Decimal(100), "100 %"),
    ],
)
def test_percentages_are_written_with_a_comma(value, text):
    assert percent(value) == text


@pytest.mark.parametrize(
    ("now", "before", "text"),
    [
        (1254, 1159, "tăng 8,2 % so với năm trước"),
        (900, 1000, "giảm 10 % so với năm trước"),
        (5, 5, "bằng năm trước"),
        (12, 0, "năm trước không phát sinh"),
        (12, None, "năm trước không phát sinh"),
        (0, None, ""),
    ],
)
def test_comparisons_with_last_year(now, before, text):
    assert change(now, before) == text


def test_comparisons_name_what_they_compare_with():
    assert change(1254, 1159, "năm 2022") == "tăng 8,2 % so với năm 2022"
    assert change(5, 5, "cùng kỳ năm trước") == "bằng cùng kỳ năm trước"
    assert change(3, 0, "năm 2022") == "năm trước không phát sinh"
    assert change(3, None, "cùng kỳ năm trước") == "cùng kỳ năm trước không phát sinh"


FACT_SETS = [
    (
        PROVINCE,
        YEAR,
        [fact("members.admitted", 1254, previous=1159)],
        ["Năm 2023, toàn tỉnh kết nạp 1.254 đoàn viên, tăng 8,2 % so với năm 2022."],
    ),
    (
        PROVINCE,
        YEAR,
        [
            fact("members.admitted", 1254, previous=1159),
            fact("members.admitted_of_target", Decimal("104.50")),
        ],
        ["Năm 2023, toàn tỉnh kết nạp 1.254 đoàn viên, đạt 104,5 % chỉ tiêu, tăng 8,2 % so với năm 2022."],
    ),
    (
        PROVINCE,
        (dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
        [fact("members.admitted", 900, previous=1000)],
        [
            "Từ ngày 01/01/2023 đến ngày 30/06/2023, toàn tỉnh kết nạp 900 đoàn viên, giảm 10 % so với cùng kỳ năm trước."
        ],
    ),
    (
        COMMUNE,
        YEAR,
        [fact("members.admitted", 7, previous=7)],
        ["Năm 2023, toàn đơn vị kết nạp 7 đoàn viên, bằng năm 2022."],
    ),
    (
        COMMUNE,
        YEAR,
        [fact("members.admitted", 0, previous=3)],
        ["Năm 2023, toàn đơn vị chưa kết nạp đoàn viên mới."],
    ),
    (
        PROVINCE,
        (dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
        [fact("members.admitted", 121, previous=0)],
        [
            "Từ ngày 01/01/2023 đến ngày 30/06/2023, toàn tỉnh kết nạp 121 đoàn viên, cùng kỳ năm trước không "
            "phát sinh."
        ],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("members.total", 254_300), fact("members.women_share", Decimal("47.99"))],
        ["Tổng số đoàn viên cuối kỳ là 254.300 người, trong đó nữ chiếm 47,99 %."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("unions.founded", 6), fact("unions.founded_state", 0), fact("unions.founded_non_state", 6)],
        ["Thành lập mới 6 công đoàn cơ sở (6 ngoài nhà nước)."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("targets.achieved", 18, out_of=18)],
        ["18/18 chỉ tiêu hoàn thành và hoàn thành vượt mức."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("targets.achieved", 16, out_of=18)],
        ["16/18 chỉ tiêu đạt và vượt; 2 chỉ tiêu chưa đạt."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("welfare.spent", 3_448_000_000, previous=None), fact("welfare.people", 3448)],
        [
            "Chăm lo, hỗ trợ 3.448 lượt người với tổng số tiền 3.448.000.000 đồng (bằng chữ: Ba tỷ bốn trăm bốn "
            "mươi tám triệu đồng), năm trước không phát sinh."
        ],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("awards.collectives", 6), fact("awards.individuals", 17)],
        ["Khen thưởng 6 tập thể và 17 cá nhân."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("awards.collectives", 0), fact("awards.individuals", 17)],
        ["Khen thưởng 17 cá nhân."],
    ),
    (
        PROVINCE,
        YEAR,
        [
            fact("awards.collectives", 6),
            fact("awards.individuals", 17),
            fact("awards.national.collectives", 1),
            fact("awards.national.individuals", 0),
            fact("awards.provincial.collectives", 5),
            fact("awards.provincial.individuals", 17),
            fact("awards.state.individuals", 0),
        ],
        [
            "Khen thưởng 6 tập thể và 17 cá nhân (cấp Tổng Liên đoàn: 1 tập thể; cấp LĐLĐ tỉnh, thành phố, "
            "công đoàn ngành TW: 5 tập thể và 17 cá nhân)."
        ],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("awards.individuals", 2), fact("awards.state.individuals", 2)],
        ["Khen thưởng 2 cá nhân (cấp Nhà nước)."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("awards.collectives", 0), fact("awards.individuals", 0), fact("welfare.spent", 0)],
        [],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("party.introduced", 45), fact("party.admitted", 30)],
        ["Giới thiệu 45 đoàn viên ưu tú cho Đảng xem xét kết nạp; 30 đoàn viên được kết nạp vào Đảng."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("party.introduced", 0), fact("party.admitted", 2)],
        ["2 đoàn viên được kết nạp vào Đảng."],
    ),
    (
        PROVINCE,
        YEAR,
        [
            Fact(
                "congress.grassroots_held",
                "Công đoàn cơ sở đã tổ chức đại hội nhiệm kỳ 2023–2028",
                12,
                "",
                out_of=15,
            ),
            fact("congress.grassroots_held_share", Decimal("80.00")),
        ],
        ["12/15 công đoàn cơ sở đã tổ chức đại hội nhiệm kỳ 2023–2028 (80 %)."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("culture.recognised", 20), fact("culture.share", Decimal("12.50"))],
        ["20 công đoàn cơ sở có đơn vị được công nhận đạt chuẩn văn hoá, chiếm 12,5 % số công đoàn cơ sở."],
    ),
    (
        PROVINCE,
        YEAR,
        [fact("culture.recognised", 0), fact("party.introduced", 0), fact("congress.grassroots_held", 0)],
        [],
    ),
]


@pytest.mark.parametrize(("unit", "period", "facts", "expected"), FACT_SETS)
def test_fact_sets_give_these_sentences(unit, period, facts, expected):
    assert sentences(unit=unit, start=period[0], end=period[1], facts=facts) == expected


TREE_NOTE = (
    "Lưu ý: so với cùng kỳ năm trước, cơ cấu tổ chức của đơn vị đã thay đổi (có đơn vị được sáp nhập, chia "
    "tách hoặc điều chuyển), số liệu so sánh không hoàn toàn cùng phạm vi."
)


@pytest.mark.parametrize(
    ("level", "code", "name", "who"),
    [
        (0, "national", "Tổng Liên đoàn Lao động Việt Nam", "toàn quốc"),
        (1, "province", "Liên đoàn Lao động tỉnh Lào Cai", "toàn tỉnh"),
        (1, "province", "Liên đoàn Lao động thành phố Hà Nội", "toàn thành phố"),
        (1, "central_industry", "Công đoàn Giáo dục Việt Nam", "toàn ngành"),
        (1, "corporation", "Công đoàn Tập đoàn Điện lực Việt Nam", "toàn đơn vị"),
        (2, "commune", "Công đoàn xã Bảo Thắng", "toàn đơn vị"),
    ],
)
def test_the_subject_follows_the_kind_of_unit(level, code, name, who):
    unit = SimpleNamespace(kind=SimpleNamespace(level=level, code=code), name=name)
    said = sentences(unit=unit, start=YEAR[0], end=YEAR[1], facts=[fact("members.admitted", 3)])
    assert said == [f"Năm 2023, {who} kết nạp 3 đoàn viên, năm trước không phát sinh."]


def test_a_changed_tree_is_said_after_the_comparisons():
    facts = [fact("members.admitted", 1254, previous=1159)]
    said = sentences(unit=PROVINCE, start=YEAR[0], end=YEAR[1], facts=facts, tree_changed=True)
    assert said == ["Năm 2023, toàn tỉnh kết nạp 1.254 đoàn viên, tăng 8,2 % so với năm 2022.", TREE_NOTE]
    # Nothing compared, nothing to warn about.
    alone = [fact("members.total", 10)]
    assert TREE_NOTE not in sentences(
        unit=PROVINCE, start=YEAR[0], end=YEAR[1], facts=alone, tree_changed=True
    )


def test_the_subtree_changed_when_a_commune_moved_in_or_out(tree):
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert not subtree_changed(tree.lc, *year) and not subtree_changed(tree.dn, *year)
    operations.unit_reparent(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.bt,
        new_parent=tree.dn,
        effective_on=dt.date(2025, 7, 1),
        decision_no="9/QĐ-TLĐ",
    )
    assert subtree_changed(tree.lc, *year) and subtree_changed(tree.dn, *year)
    assert subtree_changed(tree.bt, *year) is False  # Bảo Thắng kept its own unions
    assert not subtree_changed(tree.lc, dt.date(2024, 1, 1), dt.date(2024, 12, 31))  # 2024 against 2023


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            [("welfare.houses", 5), ("welfare.houses_new", 3), ("welfare.houses_repair", 2)]
            + [("welfare.house_amount", 250_000_000)],
            "Hỗ trợ xây mới 3 và sửa chữa 2 nhà Mái ấm Công đoàn với kinh phí 250.000.000 đồng.",
        ),
        (
            [("welfare.houses", 1), ("welfare.houses_new", 0), ("welfare.houses_repair", 1)],
            "Hỗ trợ sửa chữa 1 nhà Mái ấm Công đoàn.",
        ),
        ([("welfare.houses", 0), ("welfare.house_amount", 0)], None),
    ],
)
def test_houses_are_told_without_zero_parts(facts, expected):
    said = sentences(unit=PROVINCE, start=YEAR[0], end=YEAR[1], facts=[fact(k, v) for k, v in facts])
    houses = [s for s in said if "Mái ấm" in s]
    assert houses == ([expected] if expected else [])
