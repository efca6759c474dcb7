import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.scoping import Scope
from congdoan.emulation import services
from congdoan.emulation.constants import PledgeStatus
from congdoan.emulation.models import PledgeCriterion
from congdoan.emulation.ranking import rank_rows

from .conftest import SHEET, SYSTEM

D = Decimal


def test_ranking_breaks_ties_by_the_first_differing_criterion_then_code():
    rows = [
        ("C", [D(10), D(5)], "C"),
        ("A", [D(8), D(7)], "A"),
        ("B", [D(10), D(5)], "B"),
        ("E", [D(20), D(0)], "E"),
    ]
    ranked = rank_rows(rows, ["Nhiệm vụ", "Đại diện"])
    assert [(u, r) for u, _t, r, _n in ranked] == [("E", 1), ("B", 2), ("C", 3), ("A", 4)]
    assert ranked[0][3] == "" and ranked[1][3] == ""  # E and B do not tie with anyone above them
    assert ranked[2][3] == "Bằng điểm mọi tiêu chí với “B”; xếp theo mã đơn vị."
    assert ranked[3][3] == "Bằng 15 điểm với “C”; xếp sau vì tiêu chí “Nhiệm vụ” thấp hơn (8 so với 10)."


def test_a_pledge_needs_every_member_to_have_a_signer_before_signing(tree, block):
    pledge = services.pledge_save(
        scope=SYSTEM,
        cluster=block,
        content="Giao ước",
        criteria=SHEET,
        signatories=[(tree.bt, "Hoàng Văn Dũng", "Chủ tịch")],
    )
    with pytest.raises(ValidationError, match="Còn đơn vị chưa có người ký"):
        services.pledge_sign(scope=SYSTEM, pledge=pledge, signed_on=dt.date(2026, 1, 20))


def test_the_scoring_sheet_rejects_bad_criteria(tree, block):
    with pytest.raises(ValidationError, match="Tiêu chí 2"):
        services.pledge_save(
            scope=SYSTEM,
            cluster=block,
            content="x",
            criteria=[("A", 10), ("B", 0)],
            signatories=[],
        )


def test_self_scores_above_the_maximum_are_refused_naming_the_criterion(tree, signed_pledge):
    first, second = list(signed_pledge.criteria.all())[:2]
    points = {c.pk: c.max_points for c in signed_pledge.criteria.all()}
    points[second.pk] = 16
    with pytest.raises(ValidationError) as excinfo:
        services.pledge_self_score(
            scope=Scope.for_user(tree.commune_officer), pledge=signed_pledge, unit=tree.bt, points=points
        )
    assert "Đại diện, bảo vệ quyền lợi" in str(excinfo.value) and "từ 0 đến 15" in str(excinfo.value)
    assert not signed_pledge.scores.exists()


def test_a_unit_cannot_score_for_another_member(tree, signed_pledge):
    points = {c.pk: 1 for c in signed_pledge.criteria.all()}
    with pytest.raises(PermissionDenied):
        services.pledge_self_score(
            scope=Scope.for_user(tree.grassroots_officer), pledge=signed_pledge, unit=tree.cd, points=points
        )


def _score_all(tree, pledge, totals):
    criteria = list(pledge.criteria.all())
    for unit, first_points in totals.items():
        points = {c.pk: c.max_points - 2 for c in criteria}
        points[criteria[0].pk] = first_points
        services.pledge_self_score(scope=SYSTEM, pledge=pledge, unit=unit, points=points)
    return criteria


def test_the_head_reviews_and_ranks_with_the_tie_shown(tree, signed_pledge):
    criteria = _score_all(tree, signed_pledge, {tree.bt: 20, tree.cd: 18, tree.g1: 19})
    # The head lowers g1's first criterion to 18: it ties with cd on every criterion.
    services.pledge_review(
        scope=Scope.for_user(tree.commune_officer),
        pledge=signed_pledge,
        unit=tree.g1,
        points={criteria[0].pk: 18},
        note="Chưa hoàn thành chỉ tiêu phát triển đoàn viên",
    )
    results = services.pledge_rank(scope=Scope.for_user(tree.commune_officer), pledge=signed_pledge)
    assert [r.unit for r in results] == [tree.bt, tree.g1, tree.cd]  # LCI.BT.001 before LCI.CD
    assert results[0].total == Decimal(20 + 13 + 8 + 13 + 8 + 8 + 8)
    assert results[1].total == results[2].total
    assert "xếp theo mã đơn vị" in results[2].tie_note
    signed_pledge.refresh_from_db()
    assert signed_pledge.status == PledgeStatus.RANKED


def test_only_the_head_or_the_owner_ranks(tree, signed_pledge):
    _score_all(tree, signed_pledge, {tree.bt: 20, tree.cd: 18, tree.g1: 19})
    with pytest.raises(PermissionDenied):
        services.pledge_rank(scope=Scope.for_user(tree.grassroots_officer), pledge=signed_pledge)


def test_ranking_waits_for_every_member_to_score(tree, signed_pledge):
    _score_all(tree, signed_pledge, {tree.bt: 20})
    with pytest.raises(ValidationError, match="chưa chấm đủ điểm"):
        services.pledge_rank(scope=SYSTEM, pledge=signed_pledge)


def test_scores_are_frozen_after_ranking(tree, signed_pledge):
    _score_all(tree, signed_pledge, {tree.bt: 20, tree.cd: 18, tree.g1: 19})
    services.pledge_rank(scope=SYSTEM, pledge=signed_pledge)
    points = {c.pk: 1 for c in PledgeCriterion.objects.filter(pledge=signed_pledge)}
    with pytest.raises(ValidationError):
        services.pledge_self_score(
            scope=Scope.unrestricted(), pledge=signed_pledge, unit=tree.bt, points=points
        )
