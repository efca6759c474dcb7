"""The own events a bulk loader sums in Python (``derived.own.OwnEvents``) are exactly the tally's own
computation from the same stints (``tally.stint_events``), on random stints and members — and the
preloaded tables they are written into give the same ledger, spans and counts as a rebuild from the stints."""

import datetime as dt
from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.members.constants import END_RESTRUCTURE, END_TRANSFER, Gender, StintStart
from congdoan.members.derived import own, tally

D = dt.date
REASONS = [None, END_TRANSFER, END_RESTRUCTURE, "retired", "changed_job", "deceased"]
SECTORS = ["state", "non_state", "fdi", "informal", "", None]
ETHNICITIES = ["01", "01", "02", "05", "14"]


@st.composite
def stints(draw):
    start = draw(st.dates(min_value=D(1960, 1, 1), max_value=D(2030, 12, 31)))
    end = draw(st.none() | st.dates(min_value=start, max_value=D(2060, 12, 31)))
    # Born so that every age band (under 30 … 60 and over) and its turns can occur within the stint.
    born = draw(st.dates(min_value=D(1900, 1, 1), max_value=D(2015, 12, 31)))
    last = end or D(9999, 12, 31)
    party = st.none() | st.dates(min_value=start - dt.timedelta(days=400), max_value=min(last, D(2070, 1, 1)))
    return (
        draw(st.integers(1, 4)),  # unit
        start,
        end,
        draw(st.sampled_from(list(StintStart.values))),
        draw(st.sampled_from(REASONS)) if end is not None or draw(st.booleans()) else None,
        draw(st.sampled_from([Gender.FEMALE, Gender.MALE])),
        born,
        draw(st.sampled_from(ETHNICITIES)),
        draw(st.booleans()),
        draw(party),
        draw(party),
        draw(st.sampled_from(SECTORS)),
    )


def as_events(events: own.OwnEvents) -> dict:
    events.settle()
    out = defaultdict(lambda: defaultdict(Counter))
    for (unit, day), values in events.rows.items():
        for column, n in zip(tally.COLUMNS, values, strict=True):
            if n:
                out[unit][day][column] += n
    for (unit, day, code), n in events.eth.items():
        if n:
            out[unit][day][tally.ETH + code] += n
    return out


def nonzero(events) -> dict:
    return {
        (unit, day, column): n
        for unit, days in events.items()
        for day, changes in days.items()
        for column, n in changes.items()
        if n
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(stints(), max_size=25))
def test_own_events_summed_in_python_equal_the_tallys_own_computation(rows):
    events = own.OwnEvents()
    for unit, start, end, kind, reason, gender, born, eth, informal, introduced, admitted, sector in rows:
        events.add(
            unit,
            sector,
            start,
            end,
            kind in tally.ADMISSION_KINDS,
            reason is not None and reason not in tally.NOT_LEAVING,
            gender == Gender.FEMALE,
            informal,
            born.year,
            eth,
            introduced,
            admitted,
        )
    assert nonzero(as_events(events)) == nonzero(tally.stint_events(rows))
