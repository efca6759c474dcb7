"""Request and response schemas of the emulation API."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema


# -- schemas ------------------------------------------------------------------------------------
class MovementIn(Schema):
    owner_id: int
    name: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    criteria: str = ""


class MovementOut(Schema):
    id: int
    owner_id: int
    name: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    criteria: str


class RegistrationEntryIn(Schema):
    award_kind: str = Field(..., description="Mã hoặc ID danh hiệu")
    member_id: int | None = None


class RegistrationIn(Schema):
    unit_id: int
    year: int
    entries: list[RegistrationEntryIn]
    registered_on: dt.date | None = None
    note: str = ""


class RegistrationOut(Schema):
    id: int
    unit_id: int
    upper_unit_id: int
    year: int
    registered_on: dt.date
    is_late: bool


class OverviewOut(Schema):
    deadline: dt.date
    on_time: list[int]
    late: list[int]
    missing: list[int]


class CriterionIn(Schema):
    name: str
    max_points: int


class SignatoryIn(Schema):
    unit_id: int
    signer_name: str
    signer_title: str = ""


class PledgeIn(Schema):
    content: str
    criteria: list[CriterionIn]
    signatories: list[SignatoryIn]
    head_unit_id: int | None = None


class CriterionOut(Schema):
    id: int
    order: int
    name: str
    max_points: int


class ResultOut(Schema):
    unit_id: int
    total: Decimal
    rank: int
    tie_note: str


class PledgeOut(Schema):
    id: int
    cluster_id: int
    status: str
    head_unit_id: int
    content: str
    signed_on: dt.date | None
    criteria: list[CriterionOut]
    results: list[ResultOut]

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())

    @staticmethod
    def resolve_results(obj):
        return list(obj.results.all())


class SignIn(Schema):
    signed_on: dt.date
    place: str = ""


class PointsIn(Schema):
    points: dict[int, Decimal]
    note: str = ""


class ScoreOut(Schema):
    criterion_id: int
    self_points: Decimal
    reviewed_points: Decimal | None


class NominationIn(Schema):
    proposing_unit_id: int
    award_kind: str = Field(..., description="Mã hoặc ID hình thức khen thưởng")
    year: int
    achievements: str
    member_id: int | None = None
    nominee_unit_id: int | None = None


class NominationOut(Schema):
    id: int
    proposing_unit_id: int
    granting_unit_id: int
    award_kind_id: int
    award_kind_name: str = Field(..., alias="award_kind.name")
    year: int
    member_id: int | None
    nominee_unit_id: int
    nominee_name: str
    achievements: str
    status: str
    submitted_on: dt.date | None
    council_id: int | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    council_reason: str
    decision_id: int | None


class CouncilIn(Schema):
    granting_unit_id: int
    year: int
    held_on: dt.date
    members_total: int
    members_present: int
    chair: str = ""


class CouncilOut(Schema):
    id: int
    granting_unit_id: int
    year: int
    held_on: dt.date
    members_total: int
    members_present: int
    has_quorum: bool


class VoteIn(Schema):
    council_id: int
    accept: bool
    votes_for: int
    votes_against: int = 0
    votes_abstain: int = 0
    reason: str = ""


class DecisionIn(Schema):
    issuing_unit_id: int
    number: str
    issued_on: dt.date
    signer_name: str
    signer_title: str
    year: int
    nomination_ids: list[int]
    subject: str = ""


class AwardOut(Schema):
    id: int
    decision_id: int
    decision_number: str = Field(..., alias="decision.number")
    issued_on: dt.date = Field(..., alias="decision.issued_on")
    award_kind: str = Field(..., alias="award_kind.name")
    unit_id: int
    member_id: int | None
    year: int


class DecisionOut(Schema):
    id: int
    issuing_unit_id: int
    issuer: str = Field(..., description="union, province_gov, ministry, prime_minister, president")
    issuer_name: str
    number: str
    issued_on: dt.date
    signer_name: str
    signer_title: str
    year: int = Field(..., description="Năm khen thưởng (năm của thành tích), có thể khác năm ký")
    subject: str
    is_historical: bool


class RecordedLineIn(Schema):
    award_kind: str = Field(..., description="Mã hoặc ID hình thức khen thưởng")
    unit_id: int | None = Field(None, description="Tập thể được khen (hình thức cho tập thể)")
    member_id: int | None = Field(None, description="Đoàn viên được khen (hình thức cho cá nhân)")


class DecisionRecordIn(Schema):
    issuing_unit_id: int = Field(..., description="Đơn vị công đoàn tiếp nhận, ghi nhận quyết định")
    issuer: str = Field(
        ..., description="union (năm trước), province_gov, ministry, prime_minister, president"
    )
    issuer_name: str = ""
    number: str
    issued_on: dt.date
    year: int = Field(..., ge=1900, le=2100, description="Năm khen thưởng")
    signer_name: str = ""
    signer_title: str = ""
    subject: str = ""
    historical: bool = False
    lines: list[RecordedLineIn] = Field(..., max_length=500)


class UnitHistoryOut(Schema):
    collective: list[AwardOut]
    individual: list[AwardOut]


class FiguresOut(Schema):
    total: int
    collectives: int
    individuals: int
    women: int
    medals: int
    historical: int = Field(..., description="Trong đó ghi nhận là mục lịch sử")
    by_kind: list[dict]
    by_level: list[dict] = Field(..., description="Theo cấp khen thưởng (cả cơ quan ngoài Công đoàn)")
    count_by: str = Field(..., description="year: theo năm khen thưởng; signed: theo ngày ký")
