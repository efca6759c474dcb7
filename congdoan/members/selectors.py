"""Reads of the member registry. Every function takes a Scope; members are scoped by their current unit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import CharField, Count, F, Func, Q, QuerySet, Value
from django.db.models.functions import Concat, StrIndex
from django.http import Http404

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from .constants import AGE_BANDS, MemberStatus, TransferStatus
from .models import AdmissionBatch, LeaveReason, Member, Membership, TransferRequest

PATH = "unit__path"
CODE_RE = re.compile(r"^cd\d{1,10}$", re.IGNORECASE)


def _base() -> QuerySet[Member]:
    return Member.objects.select_related("unit", "unit__kind")


@dataclass
class MemberFilter:
    """What the search form and the API accept."""

    q: str = ""
    unit_id: int | None = None
    gender: str = ""
    age_band: str = ""
    ethnicity: str = ""
    sector: str = ""
    party_status: str | None = None
    informal: bool | None = None
    status: str = ""
    joined_from: dt.date | None = None
    joined_to: dt.date | None = None


def _age_band_q(band: str, on: dt.date) -> Q:
    for code, _label, low, high in AGE_BANDS:
        if code == band:
            # Age >= low  <=>  born on or before ``on`` minus ``low`` years (and similarly for high + 1).
            latest = _years_before(on, low)
            earliest = _years_before(on, high + 1) + dt.timedelta(days=1)
            return Q(date_of_birth__lte=latest, date_of_birth__gte=earliest)
    return Q()


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _text_q(q: str) -> tuple[Q | None, str]:
    """An exact-match Q for codes, CCCD and phones, or the folded name to search for."""
    text = q.strip()
    compact = text.replace(" ", "").replace(".", "")
    if CODE_RE.match(compact):
        # Codes are stored upper-case: an exact match uses the unique index (iexact would scan 12 M rows).
        return Q(code=compact.upper()), ""
    if compact.isdigit():
        if len(compact) == 12:
            return Q(cccd=compact), ""
        return Q(phone=compact) | Q(phone=text), ""
    return None, fold(text)


def member_search(*, scope: Scope, filters: MemberFilter) -> QuerySet[Member]:
    """Members in scope matching the filters, not yet narrowed by name (see ``member_search_page``)."""
    qs = scope.filter(_base(), PATH).exclude(status=MemberStatus.MERGED)
    f = filters
    if f.unit_id:
        unit = scope.get_or_404(Unit.objects.all(), pk=f.unit_id)
        qs = qs.filter(unit__path__startswith=unit.path)
    if f.gender:
        qs = qs.filter(gender=f.gender)
    if f.age_band:
        qs = qs.filter(_age_band_q(f.age_band, today()))
    if f.ethnicity:
        qs = qs.filter(ethnicity=f.ethnicity)
    if f.sector:
        qs = qs.filter(unit__sector=f.sector)
    if f.party_status is not None:
        qs = qs.filter(party_status=f.party_status)
    if f.informal is not None:
        qs = qs.filter(is_informal=f.informal)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.joined_from:
        qs = qs.filter(joined_on__gte=f.joined_from)
    if f.joined_to:
        qs = qs.filter(joined_on__lte=f.joined_to)
    return qs


def _prefix_q(folded: str) -> Q:
    # A range rather than LIKE: folded names are plain ASCII, so "starts with q" is q <= name < q + U+FFFF
    # on both engines, and the ordinary b-tree on name_folded serves both the range and the ORDER BY.
    return Q(name_folded__gte=folded, name_folded__lt=folded + "\uffff")


class GivenName(Func):
    """The last word of the folded name (the given name, "tên"), e.g. "tuan" for "nguyen anh tuan".

    On PostgreSQL the SQL is written exactly as in the expression index of migration 0008 so that the
    planner matches it; SQLite (small data, no index) cuts the name after its last space.
    """

    output_field = CharField()

    def __init__(self, field: str = "name_folded"):
        super().__init__(F(field))

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"split_part({sql}, ' ', -1)", params

    def as_sqlite(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        # rtrim(x, <x without spaces>) strips the last word; what follows it is the given name.
        return f"substr({sql}, length(rtrim({sql}, replace({sql}, ' ', ''))) + 1)", params * 3


# A piece of a word (not its start) is looked for only from this many letters: a trigram index can only
# look up three-letter pieces, and one or two letters are typed as the start of a word.
MIN_INSIDE = 3
# Matches further in the name are probed in the trigram index up to this many: no more means a rare
# piece (fetch them all and sort them), more a common one (walk an ordered index until a page is full).
RARE_MATCHES = 3000


@dataclass
class _Tier:
    qs: QuerySet[Member]
    order: tuple[str, ...]
    pattern: str = ""  # LIKE pattern of the trigram probe; "" when the tier is a plain index walk
    piece: str = ""  # text the name contains (tier 4 only: the other tiers' querysets say it already)


BY_NAME = ("name_folded", "id")
BY_GIVEN = ("given", "name_folded", "id")


def _name_tiers(qs: QuerySet[Member], folded: str) -> list[_Tier]:
    """The name matches as disjoint tiers, best first.

    1. the name starts with the text ("nguyen van" finds Nguyễn Văn An), by name;
    2. the text ends the name, its last word starting the given name ("tuan", "anh tuan", "van a"
       find Nguyễn Văn Anh Tuấn), by given name then name, the usual order of a Vietnamese list;
    3. the text starts a word elsewhere ("huu" finds Lê Hữu Phước, "thi hoa" finds Trần Thị Hoa
       Lan), by name;
    4. the text inside a word ("guyen"), from three letters, by name (or by given name, see
       ``_probed_rows``).
    """
    words = folded.split()
    last = words[-1]
    # Word starts with strpos/instr rather than LIKE: the trigram index cannot serve them, so the planner
    # keeps walking an ordered index instead of collecting every match of a common word.
    qs = qs.alias(given=GivenName(), word_at=StrIndex(Concat(Value(" "), "name_folded"), Value(" " + folded)))
    prefix = _prefix_q(folded)
    word = Q(word_at__gt=0)
    given = Q(given__gte=last, given__lt=last + "\uffff")
    phrase = f"% {_like(folded)}%"
    tiers = [_Tier(qs.filter(prefix), BY_NAME)]
    if len(words) > 1:
        given &= word
        tiers.append(_Tier(qs.filter(given).exclude(prefix), BY_GIVEN, phrase))
    else:
        # A range of the given-name index: exact, ends by itself, no probe needed.
        tiers.append(_Tier(qs.filter(given).exclude(prefix), BY_GIVEN))
    tiers.append(_Tier(qs.filter(word).exclude(prefix).exclude(given), BY_NAME, phrase))
    if len(folded) >= MIN_INSIDE:
        tiers.append(_Tier(qs.exclude(word).exclude(prefix), BY_NAME, f"%{_like(folded)}%", folded))
    return tiers


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _probed_rows(tier: _Tier, offset: int, limit: int, probes: dict) -> list[Member]:
    """A page of a tier found through the trigram index (tiers 2 for several words, 3 and 4).

    SQLite (small data): the tier's query as it is. PostgreSQL: the trigram index is asked for up to
    RARE_MATCHES + 1 names containing the text. If there are no more, they are all there is: sort
    them. Otherwise the text is common, and the tier walks an ordered index testing each name until
    the page is full; a text found mostly in surnames ("guyen", "rie") is walked in given-name order,
    because in name order its matches would all lie together after millions of other names.
    """
    qs = tier.qs.filter(name_folded__contains=tier.piece) if tier.piece else tier.qs
    postgresql = connection.vendor == "postgresql"
    if tier.pattern not in probes:
        if postgresql:
            # (at least a hundred: they also tell where in the name the text lies)
            probes[tier.pattern] = _trigram_matches(tier.pattern, max(RARE_MATCHES, 100) + 1)
        else:  # small data: every match (only the piece inside a word needs them, for the order)
            everyone = (
                Member.objects.filter(name_folded__contains=tier.piece)
                if tier.piece
                else Member.objects.none()
            )
            probes[tier.pattern] = list(everyone.values_list("id", "name_folded"))
    found = probes[tier.pattern]
    order = tier.order
    if tier.piece and sum(tier.piece in name.split(" ", 1)[0] for _pk, name in found) * 2 > len(found):
        order = BY_GIVEN  # mostly inside surnames: list by given name (the same on every engine)
    if not postgresql:
        return list(qs.order_by(*order)[offset : offset + limit])
    if len(found) <= RARE_MATCHES:
        qs = qs.filter(pk__in=[pk for pk, _name in found])
    elif tier.piece:
        qs = tier.qs.alias(piece_at=StrIndex("name_folded", Value(tier.piece))).filter(piece_at__gt=0)
    return list(qs.order_by(*order)[offset : offset + limit])


def _trigram_matches(pattern: str, cap: int) -> list[tuple[int, str]]:
    """Up to ``cap`` (id, folded name) of members whose folded name is LIKE ``pattern`` (trigram index)."""
    with transaction.atomic(), connection.cursor() as cursor:
        # A bitmap scan of the trigram index, never a scan of the table or of the name index in order
        # (either reads millions of rows when the text is rare). Local to this transaction.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        try:
            cursor.execute(
                "SELECT id, name_folded FROM members_member WHERE name_folded LIKE %s LIMIT %s",
                [pattern, cap],
            )
            return cursor.fetchall()
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_indexscan")


def _tier_rows(tier: _Tier, offset: int, limit: int, probes: dict) -> list[Member]:
    if tier.pattern:
        return _probed_rows(tier, offset, limit, probes)
    return list(tier.qs.order_by(*tier.order)[offset : offset + limit])


def _tier_count(tier: _Tier) -> int:
    qs = tier.qs.filter(name_folded__contains=tier.piece) if tier.piece else tier.qs
    return qs.count()


def member_search_page(
    *, scope: Scope, filters: MemberFilter, offset: int = 0, limit: int = 50
) -> list[Member]:
    """One page of search results for the typed text, best matches first.

    Codes, CCCD and phone numbers match exactly. A name, typed with or without diacritics, matches in
    the tiers of ``_name_tiers``; each tier is one query that walks an index in its order and stops
    after the page (docs/decisions.md), so common names stay fast on millions of rows. No total
    count is taken, except of a tier the requested page lies wholly after.
    """
    qs = member_search(scope=scope, filters=filters)
    exact, folded = _text_q(filters.q) if filters.q.strip() else (None, "")
    order = ("name_folded", "id")
    if exact is not None:
        return list(qs.filter(exact).order_by(*order)[offset : offset + limit])
    if not folded:
        return list(qs.order_by(*order)[offset : offset + limit])
    rows: list[Member] = []
    probes: dict[str, list] = {}  # trigram probes by LIKE pattern, shared by the tiers of this search
    skip = offset  # rows of the result still to skip before the current tier
    for tier in _name_tiers(qs, folded):
        want = limit - len(rows)
        if want <= 0:
            break
        got = _tier_rows(tier, skip, want, probes)
        if got:
            skip = 0
        elif skip:
            skip = max(0, skip - _tier_count(tier))
        rows += got
    return rows


def member_get(*, scope: Scope, pk: int) -> Member:
    """One member whose current unit is in scope, or 404."""
    return scope.get_or_404(_base(), PATH, pk=pk)


def member_stints(*, member: Member) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(member=member).select_related("unit", "end_reason").order_by("valid_from")
    )


def member_posts(*, member: Member):
    return member.posts.select_related("unit").order_by("-valid_from")


def leave_reasons(*, for_leaving: bool = True) -> QuerySet[LeaveReason]:
    qs = LeaveReason.objects.all()
    if for_leaving:
        qs = qs.exclude(code__in=["transfer", "restructure", "unit_dissolved"])
    return qs


def grassroots_in_scope(*, scope: Scope, on: dt.date | None = None) -> QuerySet[Unit]:
    """Active grassroots unions the user may act on (choices for admission and transfer)."""
    qs = scope.filter(Unit.objects.filter(kind__is_grassroots=True, status=UnitStatus.ACTIVE))
    if on:
        qs = qs.filter(founded_on__lte=on)
    return qs.order_by("name")


def transfer_target_by_code(*, code: str) -> Unit | None:
    """A receiving grassroots union by its code, possibly outside the sender's scope (code and name only)."""
    return (
        Unit.objects.select_related("kind")
        .filter(code__iexact=(code or "").strip(), kind__is_grassroots=True)
        .first()
    )


# -- admission lists ----------------------------------------------------------------------------
def batch_list(*, scope: Scope, status: str = "") -> QuerySet[AdmissionBatch]:
    qs = scope.filter(AdmissionBatch.objects.select_related("unit"), PATH).annotate(
        n_members=Count("members")
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-id")


def batch_get(*, scope: Scope, pk: int) -> AdmissionBatch:
    return scope.get_or_404(AdmissionBatch.objects.select_related("unit", "unit__kind"), PATH, pk=pk)


def batch_members(*, batch: AdmissionBatch) -> QuerySet[Member]:
    return batch.members.select_related("unit").order_by("name_folded", "id")


# -- transfers ----------------------------------------------------------------------------------
def transfer_inbox(*, scope: Scope, status: str = TransferStatus.PENDING) -> QuerySet[TransferRequest]:
    """Requests to move members into units in scope."""
    qs = scope.filter(
        TransferRequest.objects.select_related("member", "from_unit", "to_unit"), "to_unit__path"
    )
    return qs.filter(status=status) if status else qs


def transfer_outbox(*, scope: Scope) -> QuerySet[TransferRequest]:
    """Requests sent from units in scope (still visible after the member moved away)."""
    return scope.filter(
        TransferRequest.objects.select_related("member", "from_unit", "to_unit"), "from_unit__path"
    )


def transfer_get(*, scope: Scope, pk: int) -> TransferRequest:
    """A request the user may see from either side, or 404."""
    qs = TransferRequest.objects.select_related("member", "from_unit", "to_unit")
    if not scope.everything:
        qs = qs.filter(scope.q("to_unit__path") | scope.q("from_unit__path"))
    try:
        return qs.get(pk=pk)
    except TransferRequest.DoesNotExist as exc:
        raise Http404 from exc


# -- duplicates ---------------------------------------------------------------------------------
def duplicate_groups(*, scope: Scope, unit: Unit | None = None, limit: int = 100) -> list[list[Member]]:
    """Groups of records that may be one person: the same CCCD, or the same folded name and birth date."""
    qs = scope.filter(Member.objects.all(), PATH).exclude(status=MemberStatus.MERGED)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    keys = (
        qs.values("name_folded", "date_of_birth")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("name_folded", "date_of_birth")[:limit]
    )
    groups = []
    for key in keys:
        members = list(
            _base().filter(
                pk__in=qs.filter(name_folded=key["name_folded"], date_of_birth=key["date_of_birth"]).values(
                    "pk"
                )
            )
        )
        groups.append(members)
    return groups
