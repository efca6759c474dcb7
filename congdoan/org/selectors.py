"""Reads of the organisation tree. Pages' reads take a Scope and return scoped querysets; the unscoped
reads at the end are for other apps' services and tasks, which have checked access already."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Upper
from django.http import Http404
from django_cte import CTE, with_cte

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold, natural_key

from .constants import UnitStatus
from .models import Cluster, TreeChange, Unit, UnitKind, UnitLink

TREE_CHANGE_ROW = 1


def _base() -> QuerySet[Unit]:
    return Unit.objects.select_related("kind", "parent")


def existing_on(day: dt.date) -> Q:
    return Q(founded_on__lte=day) & (Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=day))


def link_valid_on(day: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def unit_list(*, scope: Scope, q: str = "", kind: str = "", on: dt.date | None = None) -> QuerySet[Unit]:
    """Units in scope, searched without diacritics by name or code, optionally those existing on a date."""
    qs = scope.filter(_base())
    if q:
        folded = fold(q)
        qs = qs.filter(Q(name_folded__contains=folded) | Q(code__iexact=q.strip()))
    if kind:
        qs = qs.filter(kind__code=kind)
    if on:
        qs = qs.filter(existing_on(on))
    return qs.order_by("kind__level", "name")


def unit_search(
    *, scope: Scope, q: str, grassroots: bool = False, anywhere: bool = False, limit: int = 20
) -> list[Unit]:
    """Active units for a picker: folded name contains the folded text typed, or the code is it.

    The user's own units come first. With ``anywhere`` (a member's transfer may leave the user's scope), active
    grassroots unions elsewhere follow, by name and code only, once at least three letters are typed.
    """
    text = q.replace("\x00", "").strip()[:100]
    folded = fold(text)
    if len(folded) < 2:
        return []
    qs = _base().filter(Q(name_folded__contains=folded) | Q(code__iexact=text), status=UnitStatus.ACTIVE)
    if grassroots or anywhere:
        qs = qs.filter(kind__is_grassroots=True)
    found = list(scope.filter(qs).order_by("kind__level", "name")[:limit])
    if anywhere and len(folded) >= 3 and len(found) < limit:
        found += list(qs.exclude(pk__in=[u.pk for u in found]).order_by("name")[: limit - len(found)])
    return found


def natural_order(units) -> list[Unit]:
    """Units as people expect to read them: by level, then by name with numbers compared as numbers
    ("Tổ 2" before "Tổ 10"). Every page listing units (children, roots, statistics rows) goes through it."""
    return sorted(
        units,
        key=lambda u: (u.kind.level if u.kind_id else 0, natural_key(u.name, u.name_folded or None)),
    )


def unit_get(*, scope: Scope, pk: int) -> Unit:
    """One unit in scope, or 404."""
    return scope.get_or_404(_base(), pk=pk)


def unit_roots(*, scope: Scope, on: dt.date | None = None) -> QuerySet[Unit]:
    """The top of what the user sees: the assigned units (or the national root for everything)."""
    qs = _base()
    if scope.everything:
        qs = qs.filter(depth=0)
    else:
        paths = [path for path, _ in scope.roots]
        # A root inside another root of the same user is shown under it, not twice.
        top = [p for p in paths if not any(p != other and p.startswith(other) for other in paths)]
        qs = qs.filter(path__in=top)
    if on:
        qs = qs.filter(existing_on(on))
    return qs.order_by("kind__level", "name")


def unit_children(*, scope: Scope, unit: Unit, on: dt.date | None = None) -> QuerySet[Unit]:
    """Direct children of ``unit`` as the tree stood on ``on`` (today if not given)."""
    day = on or today()
    child_ids = UnitLink.objects.filter(link_valid_on(day), parent=unit).values("child_id")
    qs = scope.filter(_base()).filter(pk__in=child_ids).filter(existing_on(day))
    # Each child's own children counted in a correlated subquery: joining their links and grouping the
    # wide unit rows by them cost 13–29 ms for a province's hundred communes (their 1 900 unions).
    grandchildren = (
        UnitLink.objects.filter(link_valid_on(day), parent=OuterRef("pk"))
        .order_by()
        .values("parent")
        .annotate(n=Count("child_id", distinct=True))
        .values("n")
    )
    return qs.annotate(n_children=Coalesce(Subquery(grandchildren), 0)).order_by("kind__level", "name")


def unit_ancestors(*, scope: Scope, unit: Unit) -> list[Unit]:
    """The units above ``unit`` in the latest structure that the user may see, from the top down."""
    ids = unit.ancestor_ids()
    return list(scope.filter(Unit.objects.filter(pk__in=ids)).order_by("depth"))


def visible_unit_ids(*, scope: Scope, ids) -> set[int]:
    """Those of ``ids`` the user may open: a unit outside the scope is shown by name, never linked (its page is 404)."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return set()
    return set(scope.filter(Unit.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def unit_parent_on(*, unit: Unit, on: dt.date) -> Unit | None:
    link = UnitLink.objects.filter(link_valid_on(on), child=unit).select_related("parent").first()
    return link.parent if link else None


def unit_parent_history(*, scope: Scope, unit: Unit) -> QuerySet[UnitLink]:
    scope.get_or_404(Unit.objects.all(), pk=unit.pk)
    return UnitLink.objects.filter(child=unit).select_related("parent", "parent__kind").order_by("valid_from")


def unit_subtree(*, scope: Scope, unit: Unit, on: dt.date | None = None) -> QuerySet[Unit]:
    """``unit`` and everything below it — in the latest structure, or as the tree stood on ``on``.

    The latest structure is one prefix match on the materialised path. A past date walks the dated
    links with a recursive CTE (the same SQL on SQLite and PostgreSQL).
    """
    if on is None:
        return scope.filter(_base()).filter(path__startswith=unit.path)
    # Joining the recursive CTE (rather than "id IN (cte)") lets PostgreSQL drive the join from the
    # CTE's rows: 1.6x faster on Hà Nội's 18 k-unit subtree (bench/tree.py).
    cte = _subtree_cte(root_id=unit.pk, on=on)
    return scope.filter(with_cte(cte, select=cte.join(_base(), id=cte.col.uid))).filter(existing_on(on))


def _subtree_cte(*, root_id: int, on: dt.date) -> CTE:
    def make(cte):
        # The CTE's column is "uid": "id" would clash with the model field in values().
        return (
            Unit.objects.filter(pk=root_id)
            .order_by()
            .values(uid=F("id"))
            .union(
                cte.join(UnitLink, parent_id=cte.col.uid)
                .filter(link_valid_on(on))
                .order_by()
                .values(uid=F("child_id")),
                all=True,
            )
        )

    return CTE.recursive(make)


def subtree_ids_on(*, root_id: int, on: dt.date) -> QuerySet:
    """A subquery of the IDs of ``root_id`` and its descendants through links valid on ``on``."""
    cte = _subtree_cte(root_id=root_id, on=on)
    return with_cte(cte, select=cte.queryset().order_by()).values("uid")


def branches_under(*, root_id: int, days: dict[int, dt.date]) -> dict[int, int]:
    """Which of ``days``' units (each on its own day) lay under ``root_id`` in the tree of that day, and
    through which child of it: {unit: that child} (0 for the root itself); the others are left out.

    The links are read upwards level by level, only for the units on the chains (one query per level
    of the tree, all of each unit's links at once), then each chain is followed in memory on its day —
    a few thousand short chains instead of a walk down the whole subtree.
    """
    links: dict[int, list[tuple[int, dt.date, dt.date | None]]] = {}
    level = set(days) - {root_id}
    while level:
        for child, parent, start, end in links_of(sorted(level)):
            links.setdefault(child, []).append((parent, start, end))
        reached = {parent for unit in level for parent, _s, _e in links.get(unit, ())}
        for unit in level:
            links.setdefault(unit, [])
        level = reached - set(links) - {root_id}
    out = {}
    for unit, day in days.items():
        below, node = 0, unit
        while node != root_id:
            up = next((p for p, s, e in links.get(node, ()) if s <= day and (e is None or day <= e)), None)
            if up is None:
                break
            below, node = node, up
        if node == root_id:
            out[unit] = below
    return out


def subtree_between_sql(*, root_id: int, start: dt.date, end: dt.date) -> tuple[str, list]:
    """``WITH RECURSIVE walk(id, branch, lo, hi)`` (SQL and its parameters, to be followed by a SELECT
    joining ``walk``): every unit under ``root_id`` at some time in ``start..end``, following the dated
    links downwards, with the child of the root it lay under (``branch``, 0 for the root itself) and the
    days ``lo..hi`` its whole chain of links held. A unit lay under the root on day d (in the period)
    when one of its rows has lo <= d <= hi. The walk visits only the root's subtree of the period (not
    the whole country), so a province's past days cost what its subtree costs."""
    pg = connection.vendor == "postgresql"
    day, pk, zero = ("%s::date", "%s::bigint", "0::bigint") if pg else ("%s", "%s", "0")
    table = UnitLink._meta.db_table
    sql = f"""WITH RECURSIVE walk(id, branch, lo, hi) AS (
        SELECT {pk}, {zero}, {day}, {day}
        UNION ALL
        SELECT l.child_id, CASE WHEN w.branch = 0 THEN l.child_id ELSE w.branch END,
            CASE WHEN l.valid_from > w.lo THEN l.valid_from ELSE w.lo END,
            CASE WHEN l.valid_to IS NOT NULL AND l.valid_to < w.hi THEN l.valid_to ELSE w.hi END
        FROM {table} l JOIN walk w ON l.parent_id = w.id
        WHERE l.valid_from <= w.hi AND (l.valid_to IS NULL OR l.valid_to >= w.lo)
    )
    """  # noqa: S608 - constant names only
    return sql, [root_id, start, end]


def grassroots_founded_under(*, root_id: int, start: dt.date, end: dt.date) -> list[tuple[int, str]]:
    """(id, sector) of the grassroots unions founded in ``start..end`` that lay under ``root_id`` on
    their founding day (the root itself left out), walking the links of the period downwards."""
    walk, params = subtree_between_sql(root_id=root_id, start=start, end=end)
    sql = f"""{walk}
    SELECT DISTINCT u.id, u.sector FROM walk w
    JOIN {Unit._meta.db_table} u ON u.id = w.id JOIN {UnitKind._meta.db_table} k ON k.id = u.kind_id
    WHERE k.is_grassroots AND u.id <> %s AND u.founded_on >= %s AND u.founded_on <= %s
        AND u.founded_on >= w.lo AND u.founded_on <= w.hi"""  # noqa: S608 - constant names only
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, root_id, start, end])
        return cursor.fetchall()


def links_of(unit_ids: list[int]) -> list[tuple]:
    """(child, parent, valid_from, valid_to) of every link of these units (one array parameter on
    PostgreSQL; chunks of ids on SQLite, whose statements take a bounded number of parameters)."""
    table = UnitLink._meta.db_table
    sql = f"SELECT child_id, parent_id, valid_from, valid_to FROM {table} WHERE child_id"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql + " = ANY(%s)", [unit_ids])
            return cursor.fetchall()
        rows = []
        for i in range(0, len(unit_ids), 500):
            chunk = unit_ids[i : i + 500]
            cursor.execute(sql + f" IN ({', '.join(['%s'] * len(chunk))})", chunk)
            rows += cursor.fetchall()
        return rows


def unit_counts(*, scope: Scope, unit: Unit, on: dt.date | None = None) -> dict:
    """Counts shown on a unit's page: direct children and grassroots unions in the subtree."""
    day = on or today()
    subtree = unit_subtree(scope=scope, unit=unit, on=on).filter(existing_on(day))
    return {
        "children": unit_children(scope=scope, unit=unit, on=day).count(),
        "grassroots": subtree.filter(kind__is_grassroots=True).count(),
        "units": subtree.count() - 1,
    }


def kinds() -> QuerySet[UnitKind]:
    return UnitKind.objects.all()


def cluster_list(*, scope: Scope, year: int | None = None) -> QuerySet[Cluster]:
    """Clusters organised by a unit in scope, or having a member in scope."""
    member_ids = scope.filter(Unit.objects.all()).values("id")
    qs = Cluster.objects.select_related("owner", "head_unit")
    if not scope.everything:
        qs = qs.filter(scope.q("owner__path") | Q(members__in=member_ids)).distinct()
    if year:
        qs = qs.filter(year=year)
    return qs.annotate(n_members=Count("members", distinct=True)).order_by("-year", "name")


def cluster_get(*, scope: Scope, pk: int) -> Cluster:
    """One cluster the user may see, or 404."""
    try:
        return cluster_list(scope=scope).get(pk=pk)
    except Cluster.DoesNotExist as exc:
        raise Http404 from exc


# -- reads for the member statistics (members.stats reads the tree only through these) ---------
def links_change_after(day: dt.date) -> bool:
    """Whether the tree changed after ``day`` (then the materialised path is not that day's tree): a link
    ended on or after it, or a unit moved after it. A unit *founded* after it (its first link starts on
    its founding day) does not count: units that did not exist yet are in no count of that day."""
    return UnitLink.objects.filter(
        Q(valid_to__gte=day) | (Q(valid_from__gt=day) & Q(valid_from__gt=F("child__founded_on")))
    ).exists()


def tree_last_change_recount() -> dt.date | None:
    """The last day the tree changed for counting (``TreeChange``), recounted from every link: the latest
    end of a link, or the day before the latest link that moved a unit (started after its founding)."""
    ended = UnitLink.objects.aggregate(day=Max("valid_to"))["day"]
    moved = UnitLink.objects.filter(valid_from__gt=F("child__founded_on")).aggregate(day=Max("valid_from"))
    days = [d for d in (ended, moved["day"] - dt.timedelta(days=1) if moved["day"] else None) if d]
    return max(days, default=None)


def tree_changed_after(day: dt.date) -> bool:
    """``links_change_after(day)`` read from the kept ``TreeChange`` row (one row by primary key) instead
    of a search of every link; recounted when the row is missing (a database emptied by a test)."""
    kept = list(TreeChange.objects.filter(pk=TREE_CHANGE_ROW).values_list("last_change", flat=True))
    if not kept:
        return links_change_after(day)
    return kept[0] is not None and day <= kept[0]


def child_links_between(*, parent: Unit, start: dt.date, end: dt.date) -> list[tuple]:
    """(child, valid_from, valid_to) of the links below ``parent`` overlapping ``start..end``."""
    rows = UnitLink.objects.filter(parent=parent, valid_from__lte=end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )
    return list(rows.values_list("child_id", "valid_from", "valid_to"))


def grassroots_founded_between(*, start: dt.date, end: dt.date) -> QuerySet[Unit]:
    """Grassroots unions founded from ``start`` to ``end`` (anywhere; the caller narrows to a subtree)."""
    return Unit.objects.filter(kind__is_grassroots=True, founded_on__gte=start, founded_on__lte=end)


# -- reads for other apps' services and tasks (no scope: the caller has already checked access) --------
def unit_by_pk(pk: int) -> Unit:
    """One unit with its kind, fresh from the database."""
    return _base().get(pk=pk)


def units_by_pks(pks) -> QuerySet[Unit]:
    return _base().filter(pk__in=pks)


def units_below(unit: Unit) -> QuerySet[Unit]:
    """``unit`` and everything below it in the latest structure (one prefix match on the path)."""
    return _base().filter(path__startswith=unit.path)


def units_by_codes(codes, *, ignore_case: bool = False) -> dict[str, Unit]:
    """Units by code (upper-cased keys when ``ignore_case``)."""
    codes = [str(c).strip() for c in codes if c is not None and str(c).strip()]
    if not ignore_case:
        return {u.code: u for u in _base().filter(code__in=codes)}
    wanted = {c.upper() for c in codes}
    found = {u.code.upper(): u for u in _base().filter(code__in=codes)}
    missing = wanted - set(found)
    if missing:
        found |= {
            u.upper_code: u for u in _base().annotate(upper_code=Upper("code")).filter(upper_code__in=missing)
        }
    return found


def code_taken(code: str) -> bool:
    return Unit.objects.filter(code=code).exists()


def active_grassroots() -> QuerySet[Unit]:
    """Active grassroots unions (callers narrow them to a scope)."""
    return _base().filter(kind__is_grassroots=True, status=UnitStatus.ACTIVE)


def all_units() -> QuerySet[Unit]:
    """Every unit, for ``scope.get_or_404`` and ``scope.filter``."""
    return _base()


def founding_kinds(*, below: Unit | None = None) -> QuerySet[UnitKind]:
    """Kinds of unit still founded today (below ``below``'s level when given)."""
    kinds = UnitKind.objects.filter(is_historic=False)
    return kinds.filter(level__gt=below.kind.level) if below is not None else kinds


def grassroots_by_code(code: str) -> Unit | None:
    """A grassroots union by its code, any letter case."""
    return _base().filter(code__iexact=(code or "").strip(), kind__is_grassroots=True).first()


def unit_at_level_on_path(unit: Unit, level: int) -> Unit | None:
    """The unit of ``level`` on ``unit``'s path (itself or an ancestor), the deepest if several."""
    return (
        _base().filter(pk__in=[*unit.ancestor_ids(), unit.pk], kind__level=level).order_by("-depth").first()
    )
