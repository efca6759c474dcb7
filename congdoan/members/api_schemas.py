"""The member registry API's request and response shapes (``members.api`` holds the routes)."""

import datetime as dt

from ninja import Field, Schema

from congdoan.core import concurrency
from congdoan.core.api import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Action, Scope

from . import selectors


def sees_party(member, context) -> bool:
    """May the user behind ``context``'s request read ``member``'s Party data? (Officers and administrators.)"""
    request = (context or {}).get("request")
    return request is not None and Scope.of(request).can(member.unit, Action.ACT)


class MemberOut(Schema):
    id: int
    code: str | None
    full_name: str
    gender: str
    date_of_birth: dt.date
    ethnicity: str
    cccd: str | None
    phone: str
    email: str
    job: str
    education: str
    hometown: str
    is_informal: bool
    party_status: str | None = Field(
        None, description="Chỉ cán bộ, quản trị của đơn vị được xem (null với người khác)"
    )
    party_introduced_on: dt.date | None = None
    party_admitted_on: dt.date | None = None
    status: str
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    joined_on: dt.date | None
    card_status: str
    version: int

    # Political data (issue 16 §3): only a user who may act on the member's unit (an officer or administrator
    # above it) reads the Party fields; a viewer gets null, as the pages show them only through /party/.
    @staticmethod
    def resolve_party_status(obj, context) -> str | None:
        return obj.party_status if sees_party(obj, context) else None

    @staticmethod
    def resolve_party_introduced_on(obj, context) -> dt.date | None:
        return obj.party_introduced_on if sees_party(obj, context) else None

    @staticmethod
    def resolve_party_admitted_on(obj, context) -> dt.date | None:
        return obj.party_admitted_on if sees_party(obj, context) else None


class StintOut(Schema):
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    valid_from: dt.date
    valid_to: dt.date | None
    start_kind: str
    end_reason: str | None = Field(None, alias="end_reason.code")
    decision_no: str


class MemberDetailOut(MemberOut):
    stints: list[StintOut]

    @staticmethod
    def resolve_stints(obj):
        return list(selectors.member_stints(member=obj))


class MemberQuery(Schema):
    q: str = ""
    unit_id: int | None = None
    gender: str = ""
    age_band: str = ""
    ethnicity: str = ""
    sector: str = ""
    party_status: str | None = None
    informal: bool | None = None
    status: str = ""
    joined_from: ApiDate | None = None
    joined_to: ApiDate | None = None
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class PersonalIn(Schema):
    full_name: str
    gender: str
    date_of_birth: dt.date
    ethnicity: str = "01"
    cccd: str | None = None
    phone: str = ""
    email: str = ""
    job: str = ""
    education: str = ""
    hometown: str = ""
    is_informal: bool = False
    party_status: str = ""
    party_introduced_on: dt.date | None = None
    party_admitted_on: dt.date | None = None
    notes: str = ""


class PersonalUpdateIn(PersonalIn):
    version: int | None = concurrency.api_version_field()


class AdmitIn(PersonalIn):
    unit_id: int
    admitted_on: dt.date
    decision_no: str


class TransferIn(Schema):
    to_unit_code: str
    effective_on: dt.date
    decision_no: str


class TransferOut(Schema):
    id: int
    member_id: int
    from_unit_id: int
    to_unit_id: int
    effective_on: dt.date
    status: str
    refuse_reason: str


class LeaveIn(Schema):
    left_on: dt.date
    reason: str
    decision_no: str


class ReadmitIn(Schema):
    unit_id: int
    readmitted_on: dt.date
    decision_no: str


class CardIn(Schema):
    step: str
    on: dt.date | None = None


class BatchOut(Schema):
    id: int
    unit_id: int
    status: str
    admitted_on: dt.date
    decision_no: str
    approval_decision_no: str
    return_reason: str
    member_ids: list[int]

    @staticmethod
    def resolve_member_ids(obj):
        return list(obj.members.values_list("id", flat=True))


class BatchDecisionIn(Schema):
    decision_no: str


class MemberReasonIn(Schema):
    reason: str


class BranchOut(Schema):
    unit_id: int
    unit_name: str
    total: int
    women: int
    informal: int
    admitted: int
    left: int
    small_unions: int


class StatsOut(Schema):
    unit_id: int
    on: dt.date
    start: dt.date
    end: dt.date
    total: int
    women: int
    informal: int
    by_ethnicity: dict[str, int]
    by_age_band: dict[str, int]
    by_sector: dict[str, int]
    admitted: int
    informal_admitted: int
    left: int
    net_change: int
    party_introduced: int
    party_admitted: int
    grassroots_founded: dict[str, int]
    small_unions: int
    children: list[BranchOut]


class MemberPage(Schema):
    items: list[MemberOut]
    count: int
