import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.welfare import selectors, services
from congdoan.welfare.constants import ProgrammeKind

from ..conftest import SYSTEM, make_programme

pytestmark = pytest.mark.django_db


def test_houses_move_through_their_stages_in_order(tree, members):
    programme = make_programme(tree.lc, ProgrammeKind.UNION_HOUSE, standard_amount=50_000_000)
    case = services.house_create(
        scope=Scope.for_user(tree.province_officer),
        programme=programme,
        unit=tree.g1,
        household_name="Hộ ông Lý Văn Páo",
        situation="Nhà tạm, dột nát",
        work="new",
        approved_amount=50_000_000,
        approved_on=dt.date(2026, 3, 1),
    )
    with pytest.raises(ValidationError):
        services.house_advance(
            scope=Scope.for_user(tree.grassroots_officer),
            case=case,
            stage="handed_over",
            on=dt.date(2026, 5, 1),
        )
    services.house_advance(
        scope=Scope.for_user(tree.grassroots_officer), case=case, stage="building", on=dt.date(2026, 3, 10)
    )
    services.house_advance(
        scope=Scope.for_user(tree.grassroots_officer), case=case, stage="handed_over", on=dt.date(2026, 6, 1)
    )
    figures = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    assert (figures["houses"], figures["houses_handed_over"], figures["house_amount"]) == (1, 1, 50_000_000)
