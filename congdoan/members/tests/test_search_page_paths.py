"""The two ways of reading a page of the member search give the same page: the scope's own members read
and sorted directly (small scopes) and the name tiers walked in index order (large ones), on random
members, names, scopes, units, filters and pages (congdoan.members.selectors.search_page)."""

from __future__ import annotations

import datetime as dt
import math
from unittest import mock

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member
from congdoan.members.selectors import MemberFilter, member_search_page, search_page
from congdoan.members.selectors import search as search_module

SURNAMES = ["Nguyễn", "Trần", "Lê", "Tuân", "Hoàng", "Giàng", "Lò", "Văn"]
MIDDLES = ["Văn", "Thị", "Anh", "Tuấn", "Hữu", "Thu", "Seo", ""]
GIVENS = ["An", "Ánh", "Anh", "Tuấn", "Hoa", "Hòa", "Hà", "Lan", "Nguyên", "Khuấn", "Văn"]
NAME = st.tuples(
    st.sampled_from(SURNAMES), st.sampled_from(MIDDLES), st.sampled_from(MIDDLES), st.sampled_from(GIVENS)
)
WORDS = sorted({fold(w) for w in SURNAMES + MIDDLES + GIVENS if w})
QUERY = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: w[:2]),
    st.sampled_from(WORDS).map(lambda w: w[1:]),  # a piece inside a word
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(" ".join),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS).map(lambda w: w[:2])).map(" ".join),
    st.sampled_from(["Nguyễn Văn", "tuấn", "", "uan", "n t"]),
)
STATUSES = [
    MemberStatus.ACTIVE,
    MemberStatus.ACTIVE,
    MemberStatus.ACTIVE,
    MemberStatus.MERGED,
    MemberStatus.LEFT,
]


def _page(scope, filters, offset, limit, *, small: bool, walk_cost: float, unit_list: int) -> list[int]:
    with (
        mock.patch.object(search_page, "SMALL_SCOPE", math.inf if small else -1),
        mock.patch.object(search_page, "UNIT_LIST", unit_list),
        mock.patch.object(search_module, "WALK_ROW_COST", walk_cost),
        mock.patch.object(search_module, "FIRST_NAMES", 1),
        mock.patch.object(search_module, "NAME_BATCH", 2),
    ):
        return [m.pk for m in member_search_page(scope=scope, filters=filters, offset=offset, limit=limit)]


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(
        st.tuples(NAME, st.integers(0, 3), st.sampled_from(STATUSES), st.sampled_from("MF")),
        min_size=5,
        max_size=40,
    ),
    queries=st.lists(QUERY, min_size=1, max_size=4),
    who=st.sampled_from(["everyone", "province", "commune"]),
    narrow=st.booleans(),
    gender=st.sampled_from(["", "F"]),
    offset=st.integers(0, 6),
    limit=st.integers(1, 6),
    walk_cost=st.sampled_from([0, 10**9]),
    unit_list=st.sampled_from([0, 5000]),  # the units as a path condition or as a list of ids
)
def test_a_small_scope_read_directly_lists_the_same_page_as_the_walk(
    tree, people, queries, who, narrow, gender, offset, limit, walk_cost, unit_list
):
    units = [tree.g1, tree.g2, tree.g3, tree.g4]
    with transaction.atomic():
        Member.objects.bulk_create(
            Member(
                full_name=" ".join(w for w in words if w),
                name_folded=fold(" ".join(w for w in words if w)),
                gender=sex,
                date_of_birth=dt.date(1990, 1, 1),
                status=status,
                unit=units[u],
            )
            for words, u, status, sex in people
        )
        scope = {
            "everyone": Scope.unrestricted(),
            "province": Scope.for_user(tree.province_officer),
            "commune": Scope.for_user(tree.commune_officer),
        }[who]
        unit = tree.bt if narrow and who != "commune" else None
        for q in queries:
            filters = MemberFilter(q=q, unit_id=unit.pk if unit else None, gender=gender)
            whole = _page(scope, filters, 0, 100, small=False, walk_cost=walk_cost, unit_list=unit_list)
            assert (
                _page(scope, filters, 0, 100, small=True, walk_cost=walk_cost, unit_list=unit_list) == whole
            ), q
            # Any page, read either way, is the slice of the whole list.
            for small in (False, True):
                page = _page(
                    scope, filters, offset, limit, small=small, walk_cost=walk_cost, unit_list=unit_list
                )
                assert page == whole[offset : offset + limit], (q, small)
        transaction.set_rollback(True)
