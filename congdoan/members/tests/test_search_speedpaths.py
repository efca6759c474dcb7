"""Name search: what each query path (prefix, given name, word inside the name, piece of a word) finds,
in which order, within the user's scope and across pages, on both engines. See member_search_page."""

import math
import re

import pytest
from django.http import Http404
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.members.selectors import MemberFilter, member_search_page, search_page
from congdoan.members.selectors import search as selectors

from .conftest import admit_active


@pytest.fixture
def people(tree):
    """Members of Lào Cai (g1, g2 under Bảo Thắng, g3 under Cam Đường) and one in Đà Nẵng (g4)."""
    names = {
        "Tuân Văn Hòa": tree.g3,  # surname folds to "tuan": starts with the text
        "Nguyễn Anh Tuấn": tree.g1,  # given name Tuấn
        "Bùi Văn Tuấn": tree.g3,  # given name Tuấn
        "Trần Tuấn Anh": tree.g2,  # Tuấn as a middle name
        "Lê Văn Tuấn": tree.g4,  # Đà Nẵng: outside Lào Cai
        "Phạm Văn Khuấn": tree.g1,  # "uan" inside a word only
        "Nguyễn Thị Hoa": tree.g1,
        "Lò Thị Hoà": tree.g3,
        "Trần Thị Hoa Lan": tree.g2,  # "thi hoa" in the middle
        "Đỗ Văn An": tree.g1,
        "Hà Văn Ánh": tree.g2,
        "Giàng Seo Páo": tree.g3,  # a rare middle word
    }
    return {name: admit_active(unit, full_name=name) for name, unit in names.items()}


def names(q, scope, **kwargs):
    return [m.full_name for m in member_search_page(scope=scope, filters=MemberFilter(q=q), **kwargs)]


def province(tree):
    return Scope.for_user(tree.province_officer)


@pytest.fixture(params=["rare", "common", "direct"])
def path(request, monkeypatch):
    """Run a test through each way of reading a page: the scope's own members read directly (a small
    scope), or the name tiers walked, with both PostgreSQL strategies for a word found inside a word: the
    trigram index (the text is rare in the sample of names) and the ordered walk (it is common)."""
    monkeypatch.setattr(search_page, "SMALL_SCOPE", math.inf if request.param == "direct" else -1)
    monkeypatch.setattr(selectors, "WALK_ROW_COST", 10**9 if request.param == "rare" else 0)
    # The walk reads the names in many small steps: one name (its bearers by id), then twos.
    monkeypatch.setattr(selectors, "FIRST_NAMES", 1)
    monkeypatch.setattr(selectors, "NAME_BATCH", 2)
    return request.param


def test_a_given_name_finds_its_bearers_first_then_the_same_word_elsewhere(tree, people, path):
    # Starts with the text, then given name Tuấn (by given name, then name), then Tuấn as a middle
    # name; Đà Nẵng's Lê Văn Tuấn is outside the province officer's scope.
    assert names("tuan", province(tree)) == [
        "Tuân Văn Hòa",
        "Bùi Văn Tuấn",
        "Nguyễn Anh Tuấn",
        "Trần Tuấn Anh",
    ]
    assert names("Tuấn", province(tree)) == names("tuan", province(tree))
    everyone = names("tuan", Scope.unrestricted())
    assert everyone == ["Tuân Văn Hòa", "Bùi Văn Tuấn", "Lê Văn Tuấn", "Nguyễn Anh Tuấn", "Trần Tuấn Anh"]


def test_the_start_of_a_given_name_and_a_middle_and_given_pair_find_the_person(tree, people, path):
    assert names("tua", province(tree)) == [
        "Tuân Văn Hòa",
        "Bùi Văn Tuấn",
        "Nguyễn Anh Tuấn",
        "Trần Tuấn Anh",
    ]
    # "van an": Văn then a given name starting with An (An, Ánh), not "Văn Tuấn".
    assert names("van an", province(tree)) == ["Đỗ Văn An", "Hà Văn Ánh"]
    # "thi hoa": ends the name first (Hoa, Hoà), then in the middle (Trần Thị Hoa Lan).
    assert names("thi hoa", province(tree)) == ["Lò Thị Hoà", "Nguyễn Thị Hoa", "Trần Thị Hoa Lan"]


def test_a_rare_middle_word_and_a_piece_of_a_word_are_found(tree, people, path):
    assert names("seo", province(tree)) == ["Giàng Seo Páo"]
    # A piece found mostly inside surnames lists by the name from its second word ("anh tuan" first).
    assert names("guyen", province(tree)) == ["Nguyễn Anh Tuấn", "Nguyễn Thị Hoa"]
    # Pieces of three letters or more inside a word come after every word match.
    assert names("uan", province(tree)) == [
        "Bùi Văn Tuấn",
        "Nguyễn Anh Tuấn",
        "Phạm Văn Khuấn",
        "Trần Tuấn Anh",
        "Tuân Văn Hòa",
    ]
    # One or two letters only match the start of a word.
    assert names("gu", province(tree)) == []
    assert names("xyz", province(tree)) == []


def test_the_search_stays_inside_a_commune_scope(tree, people, path):
    commune = Scope.for_user(tree.commune_officer)  # Bảo Thắng: g1 and g2
    assert names("tuan", commune) == ["Nguyễn Anh Tuấn", "Trần Tuấn Anh"]
    assert names("thi hoa", commune) == ["Nguyễn Thị Hoa", "Trần Thị Hoa Lan"]
    assert names("uan", commune) == ["Nguyễn Anh Tuấn", "Phạm Văn Khuấn", "Trần Tuấn Anh"]


@pytest.mark.parametrize("q", ["tuan", "van", "an", "thi hoa", "uan"])
def test_pages_of_any_size_join_up_to_the_whole_list(tree, people, path, q):
    scope = Scope.unrestricted()
    whole = [m.pk for m in member_search_page(scope=scope, filters=MemberFilter(q=q), limit=100)]
    assert whole and len(whole) == len(set(whole))
    for size in (1, 2, 3):
        paged = []
        for offset in range(0, len(whole) + size, size):
            page = member_search_page(scope=scope, filters=MemberFilter(q=q), offset=offset, limit=size)
            paged += [m.pk for m in page]
        assert paged == whole, size


def test_the_members_page_lists_given_name_matches_first(tree, people, login):
    body = login(tree.province_officer).get(reverse("members:index"), {"q": "tuan"}).content.decode()
    positions = [
        body.index(name) for name in ("Tuân Văn Hòa", "Bùi Văn Tuấn", "Nguyễn Anh Tuấn", "Trần Tuấn Anh")
    ]
    assert positions == sorted(positions)
    assert "Lê Văn Tuấn" not in body


@pytest.mark.parametrize("q", ["tuan", "an", "van an", "thi hoa", "uan", "hoa lan", "n t"])
def test_the_excel_export_of_a_search_holds_exactly_the_names_the_page_lists(tree, people, q):
    from congdoan.members.excel.export import EXPORT_COLUMNS, SOURCE, member_export_rows

    at = [col.key for col in EXPORT_COLUMNS if col.key in SOURCE].index("full_name")
    scope = Scope.unrestricted()
    listed = {m.full_name for m in member_search_page(scope=scope, filters=MemberFilter(q=q), limit=100)}
    exported = {row[at] for row in member_export_rows(scope=scope, filters=MemberFilter(q=q))}
    assert exported == listed
    if q == "an":  # two letters only start words: "Khuấn" is not listed, "Anh" and "Ánh" are
        assert listed == {"Đỗ Văn An", "Hà Văn Ánh", "Trần Tuấn Anh", "Nguyễn Anh Tuấn"}


def test_a_unit_inside_the_scope_narrows_with_one_path_condition(people, tree):
    # Lào Cai's officer searching Bảo Thắng: only Bảo Thắng's members, and the SQL carries one condition on
    # the unit path (two made PostgreSQL square its estimate and scan a whole province on the national data).
    scope = province(tree)
    found = member_search_page(scope=scope, filters=MemberFilter(q="nguyen", unit_id=tree.bt.pk))
    assert sorted(m.full_name for m in found) == ["Nguyễn Anh Tuấn", "Nguyễn Thị Hoa"]
    sql = str(selectors.member_search(scope=scope, filters=MemberFilter(unit_id=tree.bt.pk)).query)
    assert len(re.findall(r'"path"(?:::text)? LIKE', sql)) == 1  # PostgreSQL casts: "path"::text LIKE
    # A unit outside the scope is refused, not searched.
    with pytest.raises(Http404):
        selectors.member_search(scope=scope, filters=MemberFilter(unit_id=tree.g4.pk))
