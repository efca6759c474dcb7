"""The member generator's stints summed into the tally's own events as they are written.

The generator knows every stint and member it writes; summing their own events per (unit, day) in
Python (``members.derived.own``) is far cheaper than the rebuild's join of millions of stints to their
members and its wide aggregate. ``Recorder.record`` takes each written chunk and appends its sums to
the preloaded tables; ``registry_rebuild_derived(preloaded_from=recorder.first_member)`` starts from them.
"""

from __future__ import annotations

from django.db import connection

from congdoan.members.constants import END_RESTRUCTURE, END_TRANSFER, Gender, StintStart
from congdoan.members.derived import own
from congdoan.members.models import LeaveReason
from congdoan.org.models import Unit

from . import columns

_M = {name: i for i, name in enumerate(columns.MEMBER_FIELDS)}
_S = {name: i for i, name in enumerate(columns.STINT_FIELDS)}
ADMISSIONS = {StintStart.ADMIT, StintStart.READMIT}


class Recorder:
    """Sums the own events of the chunks the generator writes (members with ids from ``first_member``)."""

    def __init__(self, first_member: int):
        self.first_member = first_member
        self.sector = dict(Unit.objects.filter(kind__is_grassroots=True).values_list("id", "sector"))
        not_leaving = (END_TRANSFER, END_RESTRUCTURE)
        self.leaving = {
            pk: code not in not_leaving for pk, code in LeaveReason.objects.values_list("id", "code")
        }
        self.events = own.OwnEvents()
        self.rows_written = 0
        own.create_tables(connection)

    def record(self, members: list[tuple], stints: list[tuple]) -> None:
        """Add a written chunk (``columns.MEMBER_FIELDS`` / ``STINT_FIELDS`` tuples; the members of every
        stint are in ``members``, with consecutive ids) and append its sums to the preloaded tables."""
        if not stints:
            return
        first = members[0][_M["id"]]
        i_member, i_unit, i_from, i_to = _S["member_id"], _S["unit_id"], _S["valid_from"], _S["valid_to"]
        i_kind, i_reason = _S["start_kind"], _S["end_reason_id"]
        i_gender, i_born, i_eth = _M["gender"], _M["date_of_birth"], _M["ethnicity"]
        i_informal, i_intro, i_adm = _M["is_informal"], _M["party_introduced_on"], _M["party_admitted_on"]
        sector, leaving, add = self.sector, self.leaving, self.events.add
        female = Gender.FEMALE
        for s in stints:
            m = members[s[i_member] - first]
            if m[0] != s[i_member]:
                raise ValueError("the chunk's members must have consecutive ids")
            reason = s[i_reason]
            add(
                s[i_unit],
                sector[s[i_unit]],
                s[i_from],
                s[i_to],
                s[i_kind] in ADMISSIONS,
                reason is not None and leaving[reason],
                m[i_gender] == female,
                m[i_informal],
                m[i_born].year,
                m[i_eth],
                m[i_intro],
                m[i_adm],
            )
        self.rows_written += own.write(connection, self.events)
        self.events.clear()
