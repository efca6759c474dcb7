"""Member search: the filters of the search page and the name tiers, each an ordered index walk."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import CharField, F, Func, Q, QuerySet, Value
from django.db.models.functions import StrIndex

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.org import selectors as org_selectors

from ..constants import AGE_BANDS, MemberStatus
from ..models import Member

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


def text_query(q: str) -> tuple[Q | None, str]:
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
    f = filters
    unit = scope.get_or_404(org_selectors.all_units(), pk=f.unit_id) if f.unit_id else None
    qs = scope.filter(_base(), PATH) if unit is None else scope.within(_base(), unit, PATH)
    return filtered(qs, f)


def filtered(qs: QuerySet[Member], f: MemberFilter) -> QuerySet[Member]:
    """``qs`` narrowed by every filter but the unit and the typed text; merged records never listed."""
    qs = qs.exclude(status=MemberStatus.MERGED)
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


def _after_first_word(sql: str, find: str) -> str:
    return f"substr({sql}, {find}({sql}, ' ') + 1)"


class NamePart(Func):
    """A part of the folded name that an expression index of migration 0008 keeps in order.

    ``given``: the last word, the given name ("tên"): "tuan" for "nguyen anh tuan".
    ``word2``: the name from its second word: "anh tuan".  ``word3``: from its third word: "tuan".
    (A name with fewer words gives its last part.) On PostgreSQL the SQL is written exactly as in the
    index so that the planner matches it; SQLite (small data, no index) computes the same.
    """

    output_field = CharField()

    def __init__(self, part: str):
        self.part = part
        super().__init__(F("name_folded"))

    def _sql(self, sql: str, find: str) -> str:
        if self.part == "word2":
            return _after_first_word(sql, find)
        if self.part == "word3":
            return _after_first_word(_after_first_word(sql, find), find)
        if find == "strpos":
            return f"split_part({sql}, ' ', -1)"
        # rtrim(x, <x without spaces>) strips the last word; what follows it is the given name.
        return f"substr({sql}, length(rtrim({sql}, replace({sql}, ' ', ''))) + 1)"

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        assert not params
        return self._sql(sql, "strpos"), []

    def as_sqlite(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        assert not params
        return self._sql(sql, "instr"), []


# A piece inside a word is looked for only from this many letters (one or two letters are typed as the
# start of a word), and only for one typed word: several words must start words of the name.
MIN_INSIDE = 3
# The rest of the name (one word found inside a word, or starting a word after the third) has no
# ordered index. A random sample of members estimates both ways of answering: walking an ordered index
# and testing each name until a page is full visits about 51 * sample / (sample hits in the user's
# scope) rows; asking the trigram index returns every match in the country, about (sample hits) *
# members / sample rows, which are then read and sorted. The cheaper one is taken: a walked name is an
# index entry read by an index-only scan (``_walk_names``), about a tenth of a trigram match's cost.
WALK_ROW_COST = 0.1
SAMPLE_ROWS = 20_000
SAMPLE_TTL = 3600.0  # seconds
_sample: dict = {}


def _member_sample() -> tuple[list[tuple[str, str]], float]:
    """About SAMPLE_ROWS (folded name, unit path) drawn at random, and how many members there are;
    cached for an hour on large tables."""
    now = time.monotonic()
    if _sample and now - _sample["at"] < SAMPLE_TTL:
        return _sample["rows"], _sample["members"]
    rows = list(Member.objects.values_list("name_folded", "unit__path")[: SAMPLE_ROWS + 1])
    if len(rows) <= SAMPLE_ROWS or connection.vendor != "postgresql":
        return rows, len(rows)  # the whole (small) table; not cached, it changes in tests
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'members_member'::regclass")
        members = max(cursor.fetchone()[0], SAMPLE_ROWS)
        percent = min(100.0, 100.0 * SAMPLE_ROWS / members)
        cursor.execute(
            "SELECT m.name_folded, u.path FROM members_member m TABLESAMPLE SYSTEM (%s) REPEATABLE (0)"
            " JOIN org_unit u ON u.id = m.unit_id",
            [percent],
        )
        rows = cursor.fetchall()
    _sample.update(at=now, rows=rows, members=members)
    return rows, members


@dataclass
class _Tier:
    qs: QuerySet[Member]
    order: tuple[str, ...]
    piece: str = ""  # set for the last tier (matches with no ordered index): the text it contains
    names: Q | None = None  # the tier's condition on the folded name alone (earlier tiers excluded)


BY_NAME = ("name_folded", "id")
BY_GIVEN = ("given", "name_folded", "id")
BY_WORD2 = ("word2", "name_folded", "id")


def _with_name_parts(qs: QuerySet[Member]) -> QuerySet[Member]:
    return qs.alias(given=NamePart("given"), word2=NamePart("word2"), word3=NamePart("word3"))


def _name_conditions(folded: str) -> list[tuple[Q, tuple[str, ...], str]]:
    """(condition, order, piece) of each tier of ``_name_tiers``, before the earlier tiers are excluded."""
    single = " " not in folded
    parts = [("name_folded", BY_NAME)]
    if single:
        parts.append(("given", BY_GIVEN))
    parts += [("word2", BY_WORD2), ("word3", ("word3", "name_folded", "id"))]
    out = [(Q(**{f"{f}__gte": folded, f"{f}__lt": folded + "\uffff"}), order, "") for f, order in parts]
    if single and len(folded) >= MIN_INSIDE:
        out.append((Q(at__gt=0), BY_NAME, folded))
    return out


def _with_inside(qs: QuerySet[Member], folded: str) -> QuerySet[Member]:
    return qs.alias(at=StrIndex("name_folded", Value(folded)))


def _name_tiers(qs: QuerySet[Member], folded: str) -> list[_Tier]:
    """The name matches as disjoint tiers, best first, each walking an index in its order.

    1. the name starts with the text ("nguyen van" finds Nguyễn Văn An), by name;
    2. one typed word starts the given name ("tuan", "tua" find Nguyễn Anh Tuấn), by given name then
       name, the usual order of a Vietnamese list;
    3. the text starts the second word ("van an" finds Nguyễn Văn An, "huu" Lê Hữu Phước, "thi hoa"
       Trần Thị Hoa Lan), by the name from that word, then name;
    4. the text starts the third word ("thu ha" finds Nguyễn Thị Thu Hà), likewise;
    5. one typed word of three letters or more anywhere else, e.g. inside a word ("guyen"), by name
       (from the second word when it lies mostly in surnames, see ``_rest_rows``).
    """
    qs = _with_name_parts(qs)
    tiers, earlier = [], Q()
    for condition, order, piece in _name_conditions(folded):
        tier_qs = _with_inside(qs, folded) if piece else qs
        names = condition & ~earlier if earlier else condition
        tiers.append(_Tier(tier_qs.filter(names), order, piece, names))
        earlier |= condition
    return tiers


def member_name_matches(qs: QuerySet[Member], folded: str) -> QuerySet[Member]:
    """All of ``qs`` whose name matches ``folded`` as the search page's tiers do (for exports)."""
    conditions = Q()
    for condition, _order, _piece in _name_conditions(folded):
        conditions |= condition
    return _with_inside(_with_name_parts(qs), folded).filter(conditions)


def rest_order(piece: str) -> tuple[str, ...]:
    """The order of the last tier: by the name from its second word when ``piece`` lies mostly in
    surnames in the sample of names (see ``_rest_rows``), else by name."""
    hits = [name for name, _path in _member_sample()[0] if piece in name]
    if sum(piece in name.split(" ", 1)[0] for name in hits) * 2 > len(hits):
        return BY_WORD2
    return BY_NAME


def _rest_rows(tier: _Tier, scope: Scope, offset: int, limit: int) -> list[Member]:
    """A page of the last tier: one word found inside a word, or starting a word after the third.

    A text found mostly inside surnames ("guyen", "rie") is listed by the name from its second word
    (middle and given name): in name order its matches would all lie together after millions of
    other names, and the walk would be long.
    """
    sample, members = _member_sample()
    hits = [(name, path) for name, path in sample if tier.piece in name]
    order = rest_order(tier.piece)
    in_scope = (
        hits if scope.everything else [h for h in hits if any(h[1].startswith(r) for r, _ in scope.roots)]
    )
    walked = 51 * len(sample) / max(len(in_scope), 1)
    matched = len(hits) * members / max(len(sample), 1)
    if connection.vendor == "postgresql" and matched < walked * WALK_ROW_COST:
        qs = tier.qs.filter(pk__in=_trigram_matches(f"%{_like(tier.piece)}%"))
        return list(qs.order_by(*order)[offset : offset + limit])
    return _walk_names(tier, order, offset, limit)


NAME_BATCH = 256  # distinct names read per step of ``_walk_names``, at most
FIRST_NAMES = 4  # names of its first step, whose bearers are read name by name


def _walk_names(tier: _Tier, order: tuple[str, ...], offset: int, limit: int) -> list[Member]:
    """A page of ``tier`` in ``order``, walking the distinct folded names that match, in order.

    The tier's condition depends on the name alone, so the names can be read from the ordered index by
    itself (an index-only scan: no table row is read for the names that do not match) in steps of
    NAME_BATCH, starting at FIRST_NAMES and doubling; then the bearers of each step's names are read with
    every other filter (the user's scope first of all) until the page is full. In the first step, where
    a common name may have thousands of bearers, each name's bearers come in id order from the
    ``(name_folded, id)`` index and only as many as the page needs are read. Walking the table rows instead read one row per
    name tested (180 000 rows, 0.95 s, for a piece common in the country and rare in a province).
    """
    key = NamePart(order[0]) if order[0] != "name_folded" else F("name_folded")
    names = _with_inside(_with_name_parts(Member.objects.all()), tier.piece).filter(tier.names)
    names = names.annotate(k=key).order_by("k", "name_folded").values_list("k", "name_folded").distinct()
    rows: list[Member] = []
    last, size = None, FIRST_NAMES  # common names have thousands of bearers: start small, double
    while len(rows) < offset + limit:
        step = names
        if last is not None:  # after the last name read: (k, name) > last, the range start indexed
            step = step.filter(k__gte=last[0]).filter(Q(k__gt=last[0]) | Q(name_folded__gt=last[1]))
        batch = _ordered(step[:size])
        if not batch:
            break
        last = batch[-1]
        if len(batch) <= FIRST_NAMES:  # the first names may be common: each one's first bearers only
            for _k, name in batch:
                rows += list(tier.qs.filter(name_folded=name).order_by("id")[: offset + limit - len(rows)])
                if len(rows) >= offset + limit:
                    break
        else:  # names further on: all their bearers at once
            bearers = tier.qs.filter(name_folded__in=[name for _k, name in batch]).order_by(*order)
            rows += list(bearers[: offset + limit - len(rows)])
        if len(batch) < size:
            break
        size = min(size * 2, NAME_BATCH)
    return rows[offset : offset + limit]


def _ordered(query) -> list:
    """``query`` evaluated with plain sorts disabled (see ``_walk``) on PostgreSQL."""
    if connection.vendor != "postgresql":
        return list(query)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        try:
            return list(query)
        finally:
            cursor.execute("RESET enable_sort")


def _walk(qs: QuerySet[Member], order: tuple[str, ...], offset: int, limit: int) -> list[Member]:
    """A page of ``qs`` in ``order``, read by walking the index in that order and stopping after it.

    PostgreSQL guesses about one row for a narrow range of names ("ngo minh": 8 961 nationally, even
    with a statistics target of 1000) and then sorts the whole range; with plain sorts disabled for
    this query it walks the index (ties on the indexed part sorted by id as they come).
    """
    return _ordered(qs.order_by(*order)[offset : offset + limit])


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _trigram_matches(pattern: str) -> list[int]:
    """Ids of the members whose folded name is LIKE ``pattern``, through the trigram index (rare texts)."""
    with transaction.atomic(), connection.cursor() as cursor:
        # A bitmap scan of the trigram index, never a scan of the table or of the name index in order
        # (either reads millions of rows when the text is rare). Local to this transaction.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        try:
            cursor.execute("SELECT id FROM members_member WHERE name_folded LIKE %s", [pattern])
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_indexscan")
