"""What the member import stores: exactly what member_admit stores, the fast fold, updates of several members."""

import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members.excel.services import member_import
from congdoan.members.models import AdmissionBatch, Member

from .conftest import person

pytestmark = pytest.mark.django_db
SYSTEM = Scope.unrestricted()


def run(user, unit, path):
    return member_import(scope=Scope.for_user(user), unit=unit, path=path)


def test_an_imported_member_is_stored_exactly_as_member_admit_stores_one(tree, xlsx):
    from django.forms.models import model_to_dict

    by_hand = member_services.member_admit(
        scope=SYSTEM,
        unit=tree.g1,
        admitted_on=dt.date(2024, 3, 1),
        decision_no="12/QĐ-CĐCS",
        full_name="Nguyễn Văn An",
        gender="M",
        date_of_birth=dt.date(1990, 5, 17),
        ethnicity="01",
        cccd="001090000001",
        phone="0912345678",
    )
    run(tree.commune_officer, tree.bt, xlsx([person(**{"Số CCCD": "001090000002"})]))
    imported = Member.objects.exclude(pk=by_hand.pk).get()

    def state(member):
        member.refresh_from_db()
        data = model_to_dict(member, exclude=["id", "cccd", "merged_into"])
        return data | {"name_folded": member.name_folded, "batches": list(member.admission_batches.all())}

    assert state(imported) == state(by_hand)


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Thị Ánh",
        "ĐỖ  VĂN  ĐỨC ",
        "Lò Văn Pủ",
        "H'Hen Niê",
        "Nguyễn Thị Ánh",
        "Ruộm\tKsơr",
        "Äpfel Øre",
    ],
)
def test_the_fast_fold_agrees_with_the_projects_fold(text):
    from congdoan.core.text import fold
    from congdoan.members.excel.columns import fast_fold

    assert fast_fold(text) == fold(text)


def test_the_fast_fold_agrees_with_the_projects_fold_on_any_text():
    from hypothesis import given
    from hypothesis import strategies as st

    from congdoan.core.text import fold
    from congdoan.members.excel.columns import fast_fold

    @given(st.text(alphabet=st.characters(max_codepoint=0x1FFF)))
    def check(text):
        assert fast_fold(text) == fold(text)

    check()


def test_updates_of_several_members_write_dates_choices_and_yes_no_cells(tree, xlsx):
    members = []
    for i, name in enumerate(("Lê Văn Một", "Lê Văn Hai")):
        member_services.member_admit(
            scope=SYSTEM,
            unit=tree.g2,
            admitted_on=dt.date(2020, 1, 1),
            decision_no="1/QĐ",
            full_name=name,
            gender="M",
            date_of_birth=dt.date(1980, 1, 1 + i),
        )
    batch = AdmissionBatch.objects.get()
    member_services.batch_submit(scope=SYSTEM, batch=batch)
    member_services.batch_approve(scope=SYSTEM, batch=batch, decision_no="2/QĐ")
    members = list(Member.objects.order_by("full_name"))
    rows = [
        {"Mã đoàn viên": m.code, "Ngày sinh": "02/02/1982", "Dân tộc": "Mường", "Lao động phi kết cấu": "Có"}
        for m in members
    ]

    outcome = run(tree.province_officer, tree.lc, xlsx(rows))

    assert outcome.ok and outcome.updated == 2
    assert {(m.date_of_birth, m.ethnicity, m.is_informal, m.gender) for m in Member.objects.all()} == {
        (dt.date(1982, 2, 2), "06", True, "M")
    }
