"""Member cards."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.constants import CardStatus

from ..conftest import admit_active

D = dt.date


def test_card_steps_go_in_order(tree):
    m = admit_active(tree.g1)
    with pytest.raises(ValidationError, match="không thực hiện được"):
        services.card_print(scope=Scope.for_user(tree.grassroots_officer), member=m)
    services.card_request(scope=Scope.for_user(tree.grassroots_officer), member=m, on=D(2024, 1, 2))
    services.card_print(scope=Scope.for_user(tree.grassroots_officer), member=m, on=D(2024, 1, 9))
    m = services.card_hand_over(scope=Scope.for_user(tree.grassroots_officer), member=m, on=D(2024, 1, 15))
    assert m.card_status == CardStatus.HANDED_OVER and m.card_handed_on == D(2024, 1, 15)
