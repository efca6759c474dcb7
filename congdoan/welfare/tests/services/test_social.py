"""Social work for people who are not members: refusals table-tested, the Excel list all or nothing, and
figures that equal a recount and never leak into member welfare."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org.selectors import units_by_codes
from congdoan.welfare import selectors
from congdoan.welfare.constants import DonorKind, GiftForm, GiftRecipient
from congdoan.welfare.models import Donor, Gift
from congdoan.welfare.social import selectors as social_selectors
from congdoan.welfare.social import services
from congdoan.welfare.social.excel import gift_rows

from ..conftest import SYSTEM, make_programme

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 1, 20)


def gift(unit, user=None, **fields):
    values = {
        "recipient_kind": GiftRecipient.HOUSEHOLD,
        "recipient_name": "Hộ bà Lù Thị Sảo",
        "form": GiftForm.CASH,
        "value": 2_000_000,
        "given_on": DAY,
    }
    values.update(fields)
    scope = Scope.for_user(user) if user else SYSTEM
    return services.gift_create(scope=scope, unit=unit, **values)


@pytest.fixture
def apatit(tree):
    return services.donor_create(
        scope=SYSTEM, owner=tree.bt, name="Công ty CP Apatit Việt Nam", kind=DonorKind.BUSINESS
    )


def test_a_gift_is_recorded_with_its_donor_and_audited(tree, apatit):
    made = gift(tree.g1, tree.grassroots_officer, donor=apatit, form=GiftForm.IN_KIND, value=15_000_000)
    assert made.donor == apatit and made.unit == tree.g1
    assert Event.objects.filter(action="welfare.gift_create").count() == 1


@pytest.mark.parametrize(
    ("case", "fields", "error"),
    [
        ("zero value", {"value": 0}, "Giá trị phải lớn hơn 0"),
        ("no recipient", {"recipient_name": "  "}, "Hãy ghi người hoặc nơi nhận"),
        ("bad recipient kind", {"recipient_kind": "alien"}, "Hãy chọn đối tượng nhận"),
        ("future day", {"given_on": dt.date(2100, 1, 1)}, "chưa đến"),
        ("no day", {"given_on": None}, "Hãy nhập ngày trao"),
    ],
)
def test_gift_refusals(tree, case, fields, error):
    with pytest.raises(ValidationError, match=error):
        gift(tree.g1, tree.grassroots_officer, **fields)
    assert not Gift.objects.exists()


def test_a_donor_of_another_branch_or_a_programme_elsewhere_is_refused(tree):
    far = services.donor_create(scope=SYSTEM, owner=tree.cd, name="Nhà hảo tâm Cam Đường", kind="individual")
    with pytest.raises(ValidationError, match="không phải đơn vị này hay cấp trên"):
        gift(tree.g1, donor=far)
    other = make_programme(tree.cd, name="Tết Cam Đường")
    with pytest.raises(ValidationError, match="không tham gia chương trình"):
        gift(tree.g1, programme=other)


def test_outside_the_scope_is_refused_and_a_donor_is_listed_once(tree, apatit):
    with pytest.raises(PermissionDenied):
        gift(tree.g4, tree.grassroots_officer)
    with pytest.raises(ValidationError, match="đã có nhà tài trợ"):
        services.donor_create(
            scope=SYSTEM, owner=tree.bt, name="công ty cp  apatit việt nam", kind="business"
        )
    # The grassroots union sees its commune's donors; Đà Nẵng does not.
    assert apatit in social_selectors.donor_list(scope=Scope.for_user(tree.grassroots_officer))
    assert apatit not in social_selectors.donor_list(scope=Scope.for_user(tree.other_province_officer))


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = [
    "Mã đơn vị",
    "Nhà tài trợ",
    "Loại nhà tài trợ",
    "Người, nơi nhận",
    "Đối tượng",
    "Hình thức",
    "Giá trị",
    "Ngày trao",
]


def run_import(tree, rows, user=None):
    parsed = gift_rows(workbook([HEADER, *rows]))
    codes = {r["unit_code"] for r in parsed if r["unit_code"]}
    return services.gifts_import(
        scope=Scope.for_user(user or tree.commune_officer),
        rows=parsed,
        units=units_by_codes(codes, ignore_case=True),
        unit=tree.bt,
    )


def test_a_gift_list_is_all_or_nothing_with_every_bad_row_named(tree, apatit):
    rows = [
        [
            "LCI.BT.001",
            "Công ty CP Apatit Việt Nam",
            "",
            "Trường TH Xuân Quang",
            "Trường học",
            "Hiện vật",
            "30.000.000",
            "15/01/2026",
        ],
        ["DNG.HC.001", "", "", "Hộ ông Tòng Văn Minh", "Hộ gia đình", "", 1_000_000, "16/01/2026"],
        [
            "",
            "Bà Nguyễn Thị Lan",
            "",
            "Gia đình liệt sĩ Vàng A Páo",
            "Gia đình chính sách",
            "Tiền mặt",
            "1,5",
            "17/01/2026",
        ],
        ["", "", "", "Thôn Cốc Lầy", "Ngoài hành tinh", "", 5_000_000, "32/01/2026"],
    ]
    with pytest.raises(ValidationError) as caught:
        run_import(tree, rows)
    messages = caught.value.messages
    assert any(m.startswith("Dòng 3: đơn vị “DNG.HC.001” không có hoặc ngoài phạm vi") for m in messages)
    assert any(m.startswith("Dòng 4:") and "thập phân" in m for m in messages)
    assert any(m.startswith("Dòng 5: đối tượng nhận “Ngoài hành tinh” không rõ") for m in messages)
    assert any(m.startswith("Dòng 5:") and "32/01/2026" in m for m in messages)
    assert not Gift.objects.exists() and Donor.objects.count() == 1

    rows[1][0] = "LCI.BT.002"
    rows[2][2], rows[2][6] = "Cá nhân", "1.500.000"
    rows[3][4], rows[3][7] = "Cộng đồng", "18/01/2026"
    made = run_import(tree, rows)
    assert len(made) == 4
    assert Donor.objects.get(name="Bà Nguyễn Thị Lan").kind == DonorKind.INDIVIDUAL
    school = Gift.objects.get(recipient_name="Trường TH Xuân Quang")
    assert (school.unit, school.donor, school.form, school.value) == (
        tree.g1,
        apatit,
        GiftForm.IN_KIND,
        30_000_000,
    )
    figures = social_selectors.social_figures(scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=DAY)
    assert (
        figures["value"] == 37_500_000 and figures["donated"] == 31_500_000 and figures["donors_count"] == 2
    )


gift_specs = st.lists(
    st.tuples(
        st.sampled_from(["g1", "g2", "g3", "bt", "lc"]),  # giving unit
        st.sampled_from([None, "apatit", "lan"]),  # donor
        st.sampled_from(GiftRecipient.values),
        st.sampled_from(GiftForm.values),
        st.integers(min_value=1, max_value=2_000_000_000),
        st.integers(min_value=0, max_value=90),  # days after 01/01/2026
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=gift_specs, first=st.integers(0, 60), length=st.integers(0, 60))
def test_social_figures_equal_a_recount_and_never_touch_member_welfare(tree, specs, first, length):
    Gift.objects.all().delete()
    Donor.objects.all().delete()
    donors = {
        "apatit": services.donor_create(scope=SYSTEM, owner=tree.lc, name="Apatit", kind=DonorKind.BUSINESS),
        "lan": services.donor_create(scope=SYSTEM, owner=tree.lc, name="Bà Lan", kind=DonorKind.INDIVIDUAL),
    }
    for unit, donor, kind, form, value, day in specs:
        gift(
            getattr(tree, unit),
            donor=donors.get(donor),
            recipient_kind=kind,
            form=form,
            value=value,
            given_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
        )
    start = dt.date(2026, 1, 1) + dt.timedelta(days=first)
    end = start + dt.timedelta(days=length)
    levels = {"lc": 1, "bt": 2, "g1": 3, "g2": 3, "g3": 3}
    for root in (tree.lc, tree.bt, tree.cd):
        kept = [
            s
            for s in specs
            if getattr(tree, s[0]).path.startswith(root.path)
            and start <= dt.date(2026, 1, 1) + dt.timedelta(days=s[5]) <= end
        ]
        figures = social_selectors.social_figures(scope=SYSTEM, unit=root, start=start, end=end)
        assert figures["gifts"] == len(kept)
        assert figures["value"] == sum(s[4] for s in kept)
        assert figures["donated"] == sum(s[4] for s in kept if s[1])
        assert figures["cash"] + figures["in_kind"] == figures["value"]
        assert figures["donors_count"] == len({s[1] for s in kept if s[1]})
        assert {r["code"]: r["value"] for r in figures["by_recipient"]} == {
            k: sum(s[4] for s in kept if s[2] == k) for k in {s[2] for s in kept}
        }
        assert {r["level"]: r["value"] for r in figures["by_level"]} == {
            lv: sum(s[4] for s in kept if levels[s[0]] == lv) for lv in {levels[s[0]] for s in kept}
        }
        welfare = selectors.welfare_figures(scope=SYSTEM, unit=root, start=start, end=end)
        assert welfare["amount_total"] == 0 and welfare["members_supported"] == 0
