import datetime as dt

import pytest

from congdoan.targets.periods import Period

pytestmark = pytest.mark.django_db


def test_periods_have_bounds_keys_labels_and_the_last_finished_one_is_current():
    from congdoan.targets.periods import parse_period
    from congdoan.targets.selectors import current_period

    assert parse_period("2026-Q3") == Period("Q", 2026, 3)
    assert (Period("H", 2026, 2).start, Period("H", 2026, 2).end) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 12, 31),
    )
    assert Period("Q", 2026, 1).label == "Quý I năm 2026"
    assert current_period("Q", dt.date(2026, 11, 27)).key == "2026-Q3"
    assert current_period("Y", dt.date(2026, 11, 27)).key == "2025"
    with pytest.raises(ValueError, match="không hợp lệ"):
        parse_period("2026-Q5")
