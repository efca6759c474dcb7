import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from congdoan.core.scoping import Scope
from congdoan.emulation import services
from congdoan.emulation.constants import NOMINATION_TRANSITIONS, NominationStatus
from congdoan.emulation.models import AwardQuota, CouncilSession, Discipline, Nomination, WorkAbsence
from congdoan.emulation.services.nominations import transition
from congdoan.members.models import UnionPost
from congdoan.org.models import Unit

from .conftest import SYSTEM, TODAY, kind, register
from .helpers import make_member

ALL = list(NominationStatus)
ILLEGAL = [(a, b) for a, b in itertools.product(ALL, ALL) if b not in NOMINATION_TRANSITIONS[a]]


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_every_illegal_transition_is_refused(current, target):
    nomination = Nomination(status=current)
    with pytest.raises(ValidationError, match="Không thể chuyển hồ sơ"):
        transition(nomination, target)
    assert nomination.status == current


def nominate(tree, member, code="bang_khen_ldld", actor=None, **kwargs):
    return services.nomination_create(
        scope=Scope.for_user(actor or tree.grassroots_officer),
        proposing_unit=tree.g1,
        award_kind=kind(code),
        year=2026,
        member=member,
        achievements="Hoàn thành xuất sắc nhiệm vụ năm 2026; sáng kiến tiết kiệm 120 triệu đồng.",
        on=TODAY,
        **kwargs,
    )


def vote(tree, nomination, council, accept=True, votes=(6, 1, 0), reason=""):
    service = services.nomination_council_accept if accept else services.nomination_council_reject
    return service(
        scope=Scope.for_user(tree.province_officer),
        nomination=nomination,
        session=council,
        votes_for=votes[0],
        votes_against=votes[1],
        votes_abstain=votes[2],
        reason=reason,
    )


def test_a_grassroots_union_nominates_a_member_for_the_provinces_bang_khen(tree, lan):
    nomination = nominate(tree, lan)
    assert nomination.granting_unit == tree.lc
    assert nomination.nominee_unit == tree.g1
    assert nomination.status == NominationStatus.DRAFT


def test_the_workflow_runs_submit_accept_and_refuses_going_back(tree, lan, council):
    nomination = nominate(tree, lan)
    services.nomination_submit(scope=Scope.for_user(tree.grassroots_officer), nomination=nomination)
    with pytest.raises(ValidationError, match="“Đã trình cấp khen thưởng” sang “Đã trình cấp khen thưởng”"):
        services.nomination_submit(scope=Scope.for_user(tree.grassroots_officer), nomination=nomination)
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        services.nomination_withdraw(scope=Scope.for_user(tree.grassroots_officer), nomination=nomination)
    accepted = vote(tree, nomination, council)
    assert accepted.status == NominationStatus.ACCEPTED
    assert (accepted.votes_for, accepted.votes_against, accepted.votes_abstain) == (6, 1, 0)
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        vote(tree, nomination, council, accept=False, reason="Xét lại")


def test_the_council_cannot_decide_a_draft(tree, lan, council):
    nomination = nominate(tree, lan)
    with pytest.raises(ValidationError, match="“Đang lập hồ sơ” sang “Hội đồng đề nghị khen thưởng”"):
        vote(tree, nomination, council)


def test_the_grassroots_officer_cannot_vote_for_the_province(tree, lan, council):
    nomination = services.nomination_submit(
        scope=Scope.for_user(tree.grassroots_officer), nomination=nominate(tree, lan)
    )
    with pytest.raises(PermissionDenied):
        services.nomination_council_accept(
            scope=Scope.for_user(tree.grassroots_officer),
            nomination=nomination,
            session=council,
            votes_for=7,
            votes_against=0,
            votes_abstain=0,
        )


@pytest.mark.parametrize(
    ("present", "votes", "accept", "reason", "message"),
    [
        (4, (4, 0, 0), True, "", "không đủ số thành viên"),
        (7, (5, 2, 1), True, "", "vượt số thành viên có mặt"),
        (7, (3, 2, 2), True, "", "Chưa đủ quá một nửa"),
        (7, (3, 4, 0), False, "", "Cần ghi lý do"),
    ],
    ids=["no quorum", "more votes than present", "no majority", "rejection without reason"],
)
def test_council_votes_are_checked(tree, lan, present, votes, accept, reason, message):
    session = services.council_session_create(
        scope=Scope.for_user(tree.province_officer),
        granting_unit=tree.lc,
        year=2026,
        held_on=TODAY,
        members_total=9,
        members_present=present,
    )
    nomination = services.nomination_submit(
        scope=Scope.for_user(tree.grassroots_officer), nomination=nominate(tree, lan)
    )
    with pytest.raises(ValidationError, match=message):
        vote(tree, nomination, session, accept=accept, votes=votes, reason=reason)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED and nomination.votes_for is None


def test_a_rejection_records_votes_and_reason(tree, lan, council):
    nomination = services.nomination_submit(
        scope=Scope.for_user(tree.grassroots_officer), nomination=nominate(tree, lan)
    )
    rejected = vote(
        tree, nomination, council, accept=False, votes=(2, 5, 0), reason="Thành tích chưa tiêu biểu"
    )
    rejected.refresh_from_db()
    assert rejected.status == NominationStatus.REJECTED
    assert rejected.council_reason == "Thành tích chưa tiêu biểu" and rejected.votes_against == 5


def test_titles_that_require_registration_refuse_unregistered_members(tree):
    member = make_member(tree.g1, "Trần Văn Bình", "M")
    with pytest.raises(ValidationError, match="Chưa đăng ký danh hiệu “Lao động giỏi” năm 2026"):
        nominate(tree, member, "lao_dong_gioi")
    register(tree.g1, 2026, (kind("lao_dong_gioi"), member))
    assert nominate(tree, member, "lao_dong_gioi").granting_unit == tree.g1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda m: WorkAbsence.objects.create(member=m, year=2026, days=45), "Nghỉ việc 45 ngày"),
        (
            lambda m: Discipline.objects.create(member=m, form="reprimand", starts_on=dt.date(2026, 5, 1)),
            "kỷ luật",
        ),
    ],
    ids=["45 days off", "reprimanded"],
)
def test_general_exclusions_block_a_nomination(tree, lan, setup, message):
    setup(lan)
    with pytest.raises(ValidationError, match=message):
        nominate(tree, lan)
    assert not Nomination.objects.exists()


def test_maternity_leave_does_not_block_a_nomination(tree, lan):
    WorkAbsence.objects.create(member=lan, year=2026, days=180, is_maternity=True)
    assert nominate(tree, lan).pk


def test_a_member_joined_less_than_ten_months_ago_is_refused(tree):
    member = make_member(tree.g1, "Lò Văn Sơn", "M", joined=dt.date(2026, 3, 1))
    register(tree.g1, 2026, (kind("lao_dong_gioi"), member))
    with pytest.raises(ValidationError, match="chưa đủ 10 tháng"):
        nominate(tree, member)


def test_a_member_of_another_unit_cannot_be_nominated(tree):
    other = make_member(tree.g3, "Vũ Thị Hoa")
    with pytest.raises(ValidationError, match="không thuộc"):
        nominate(tree, other)


def _accept_n(tree, council, n):
    made = []
    for i in range(n):
        member = make_member(tree.g1, f"Đoàn viên số {i}")
        register(tree.g1, 2026, (kind("lao_dong_gioi"), member))
        made.append(
            services.nomination_submit(
                scope=Scope.for_user(tree.grassroots_officer), nomination=nominate(tree, member)
            )
        )
    return made


def test_the_quota_stops_the_council_with_a_clear_message(tree, council):
    AwardQuota.objects.create(
        award_kind=kind("bang_khen_ldld"), granting_unit=tree.lc, year=2026, max_count=2
    )
    first, second, third = _accept_n(tree, council, 3)
    vote(tree, first, council)
    vote(tree, second, council)
    with pytest.raises(ValidationError) as excinfo:
        vote(tree, third, council)
    assert str(excinfo.value.messages[0]).startswith(
        "Đã hết chỉ tiêu “Bằng khen của Liên đoàn Lao động tỉnh (cá nhân)” năm 2026 của "
        "“Liên đoàn Lao động tỉnh Lào Cai”: tối đa 2, đã đề nghị khen 2."
    )
    third.refresh_from_db()
    assert third.status == NominationStatus.SUBMITTED


def test_a_percentage_quota_counts_registered_collectives(tree, council):
    flag = kind("co_thi_dua_ldld")
    AwardQuota.objects.create(award_kind=flag, year=2026, max_percent_of_registered=50)  # every province
    for unit in (tree.g1, tree.g2, tree.g3):
        register(unit, 2026, (flag, None))
    nominations = [
        services.nomination_submit(
            scope=Scope.for_user(tree.province_officer),
            nomination=services.nomination_create(
                scope=Scope.for_user(tree.province_officer),
                proposing_unit=tree.lc,
                award_kind=flag,
                year=2026,
                nominee_unit=unit,
                achievements="Dẫn đầu phong trào thi đua",
                on=TODAY,
            ),
        )
        for unit in (tree.g1, tree.g2)
    ]
    vote(tree, nominations[0], council)
    with pytest.raises(ValidationError, match="tối đa 1"):  # 50 % of 3 registered collectives
        vote(tree, nominations[1], council)


def _medal_member(tree, years=25):
    member = make_member(tree.g1, "Hà Văn Thắng", "M", joined=dt.date(1995, 1, 1))
    UnionPost.objects.create(
        member=member,
        unit=tree.g1,
        title="Chủ tịch CĐCS",
        valid_from=dt.date(TODAY.year - years, 1, 1),
        is_full_time=False,
        is_non_state=False,
    )
    return member


def test_the_medal_is_granted_once_per_person(tree):
    member = _medal_member(tree, years=16)  # part-time 16 × 1,5 = 24 years
    nomination = services.nomination_create(
        scope=Scope.for_user(tree.province_officer),
        proposing_unit=tree.lc,
        award_kind=kind("ky_niem_chuong"),
        year=2026,
        member=member,
        achievements="16 năm làm Chủ tịch CĐCS không chuyên trách",
        on=TODAY,
    )
    services.nomination_submit(scope=SYSTEM, nomination=nomination)
    session = services.council_session_create(
        scope=SYSTEM,
        granting_unit=tree.root,
        year=2026,
        held_on=TODAY,
        members_total=15,
        members_present=12,
    )
    services.nomination_council_accept(
        scope=SYSTEM,
        nomination=nomination,
        session=session,
        votes_for=12,
        votes_against=0,
        votes_abstain=0,
    )
    services.decision_issue(
        scope=SYSTEM,
        issuing_unit=tree.root,
        number="1234/QĐ-TLĐ",
        issued_on=TODAY,
        signer_name="Nguyễn Đình Khang",
        signer_title="Chủ tịch",
        year=2026,
        nominations=[nomination],
    )
    with pytest.raises(ValidationError, match="chỉ tặng một lần"):
        services.nomination_create(
            scope=Scope.for_user(tree.province_officer),
            proposing_unit=tree.lc,
            award_kind=kind("ky_niem_chuong"),
            year=2027,
            member=member,
            achievements="Đề nghị lần hai",
            on=TODAY,
        )


def test_the_medal_needs_enough_years_from_the_service_history(tree):
    member = _medal_member(tree, years=12)  # 12 × 1,5 = 18 years
    with pytest.raises(ValidationError, match="Chưa đủ thời gian công tác công đoàn"):
        services.nomination_create(
            scope=Scope.for_user(tree.province_officer),
            proposing_unit=tree.lc,
            award_kind=kind("ky_niem_chuong"),
            year=2026,
            member=member,
            achievements="x",
            on=TODAY,
        )


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bien-ban.exe", b"MZ\x90\x00", "chỉ nhận PDF"),
        ("bien-ban.pdf", b"<html>not a pdf</html>", "không đúng định dạng PDF"),
        ("rong.pdf", b"", "rỗng"),
    ],
    ids=["wrong extension", "content does not match", "empty"],
)
def test_attachments_are_checked(tree, lan, name, content, message):
    nomination = nominate(tree, lan)
    with pytest.raises(ValidationError, match=message):
        services.nomination_attach(
            scope=Scope.for_user(tree.grassroots_officer),
            nomination=nomination,
            title="Biên bản",
            uploaded=SimpleUploadedFile(name, content),
        )
    assert not nomination.documents.exists()


def test_a_large_attachment_is_refused(tree, lan, settings):
    nomination = nominate(tree, lan)
    big = SimpleUploadedFile("to.pdf", PDF + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="lớn hơn 10 MB"):
        services.nomination_attach(
            scope=Scope.for_user(tree.grassroots_officer), nomination=nomination, title="x", uploaded=big
        )


def test_documents_attach_while_drafting_only(tree, lan):
    nomination = nominate(tree, lan)
    document = services.nomination_attach(
        scope=Scope.for_user(tree.grassroots_officer),
        nomination=nomination,
        title="Báo cáo thành tích",
        uploaded=SimpleUploadedFile("bao-cao.pdf", PDF),
    )
    assert document.size == len(PDF) and document.file.read().startswith(b"%PDF")
    services.nomination_submit(scope=Scope.for_user(tree.grassroots_officer), nomination=nomination)
    nomination.refresh_from_db()
    with pytest.raises(ValidationError, match="Chỉ bổ sung tài liệu khi hồ sơ đang lập"):
        services.nomination_attach(
            scope=Scope.for_user(tree.grassroots_officer),
            nomination=nomination,
            title="x",
            uploaded=SimpleUploadedFile("b.pdf", PDF),
        )


def test_the_medal_page_lists_service_histories_with_the_verdict(tree, client):
    qualified = _medal_member(tree, years=16)
    junior = make_member(tree.g1, "Lý Văn Páo", "M")
    UnionPost.objects.create(member=junior, unit=tree.g1, title="Tổ trưởng", valid_from=dt.date(2020, 1, 1))
    client.force_login(tree.commune_officer)
    page = client.get("/emulation/medals/").content.decode()
    assert page.index(qualified.full_name) < page.index(junior.full_name)
    assert "Đủ điều kiện" in page and "Chưa đủ thời gian công tác công đoàn" in page
    client.force_login(tree.other_province_officer)
    assert qualified.full_name not in client.get("/emulation/medals/").content.decode()


def test_a_second_file_for_the_same_award_is_refused_and_a_once_only_award_in_any_year(tree, lan):
    nominate(tree, lan)
    with pytest.raises(
        ValidationError, match="Đã có hồ sơ đề nghị .* năm 2026 cho đối tượng này \\(Đang lập hồ sơ\\)"
    ):
        nominate(tree, lan)
    member = _medal_member(tree, years=16)
    medal = {"award_kind": kind("ky_niem_chuong"), "member": member, "achievements": "x", "on": TODAY}
    services.nomination_create(scope=SYSTEM, proposing_unit=tree.lc, year=2026, **medal)
    with pytest.raises(ValidationError, match="năm 2026"):
        services.nomination_create(scope=SYSTEM, proposing_unit=tree.lc, year=2027, **medal)


def test_a_council_session_is_offered_with_its_date_dd_mm_yyyy():
    """The vote form's council choice read "… 2026-12-05"."""
    session = CouncilSession(year=2026, held_on=dt.date(2026, 12, 5), members_total=9, members_present=9)
    session.granting_unit = Unit(name="Liên đoàn Lao động tỉnh Lào Cai")
    assert str(session) == "Liên đoàn Lao động tỉnh Lào Cai 05/12/2026"
