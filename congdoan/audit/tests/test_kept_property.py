"""Property: on random histories of writes through the services (admissions, leavings, transfers within and
across provinces, a commune moved to the other province), every kept fact table (``documents.figures``) equals
a fresh ``facts_for``, and a write that touched only one province leaves the other's kept answers valid (read
again, not recomputed). Runs on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.audit.kept import kept, kept_forget
from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from congdoan.documents.figures import facts_kept
from congdoan.members import services as member_services
from congdoan.members.constants import MemberStatus
from congdoan.members.models import LeaveReason, Member
from congdoan.members.tests.conftest import admit_active
from congdoan.restructure import operations

SYSTEM = Scope.unrestricted()
START, END, AS_OF = dt.date(2024, 1, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 5)
PROVINCE = {"g1": "lc", "g2": "lc", "g3": "lc", "g4": "dn"}


class Rollback(Exception):
    """Undo one example's rows (hypothesis runs many examples inside one test's transaction)."""


write = st.one_of(
    st.tuples(
        st.just("admit"),
        st.sampled_from(list(PROVINCE)),
        st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
    ),
    st.tuples(st.just("leave"), st.integers(0, 20), st.dates(dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
    st.tuples(st.just("transfer"), st.integers(0, 20), st.sampled_from(list(PROVINCE))),
    st.tuples(st.just("move"), st.just("cd"), st.just("dn")),
)


def _values(facts) -> dict:
    return {f.key: f.value for f in facts}


def _provinces(tree, unit, state) -> set[str]:
    """The provinces whose figures count ``unit``: today's, and Lào Cai's for the years before a move."""
    tree.cd.refresh_from_db()
    if state.get("moved") and unit.path.startswith(tree.cd.path):
        return {"lc", "dn"}
    return {"lc" if unit.path.startswith(tree.lc.path) else "dn"}


def _apply(tree, op, members, state) -> set[str] | None:
    """Make the write through its service; the provinces it changed rows in (None: the tree itself)."""
    kind, a, b = op
    if kind == "admit":
        unit = getattr(tree, a)
        unit.refresh_from_db()
        members.append(admit_active(unit, on=b, full_name=f"Đoàn viên {len(members)}"))
        return _provinces(tree, unit, state)
    if kind == "move":
        if state.get("moved"):
            return set()
        operations.unit_reparent(
            scope=SYSTEM,
            unit=tree.cd,
            new_parent=tree.dn,
            effective_on=dt.date(2026, 6, 1),
            decision_no="9/QĐ",
        )
        state["moved"] = True
        return None
    if not members:
        return set()
    member = Member.objects.select_related("unit").get(pk=members[a % len(members)].pk)
    if member.status != MemberStatus.ACTIVE or member.pk in state.setdefault("transferred", set()):
        return set()
    here = _provinces(tree, member.unit, state)
    if kind == "leave":
        reason = LeaveReason.objects.get(code="retired")
        member_services.member_leave(
            scope=SYSTEM, member=member, left_on=b, reason=reason, decision_no="1/QĐ"
        )
        return here
    to_unit = getattr(tree, b)
    if to_unit.pk == member.unit_id:
        return set()
    to_unit.refresh_from_db()
    member_services.member_transfer(
        scope=SYSTEM, member=member, to_unit=to_unit, effective_on=dt.date(2026, 4, 1), decision_no="2/QĐ"
    )
    state["transferred"].add(member.pk)
    return here | _provinces(tree, to_unit, state)


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(history=st.lists(write, min_size=1, max_size=5))
def test_kept_answers_equal_fresh_ones_and_survive_writes_elsewhere(tree, history):
    kept_forget()  # the cache outlives each example's rolled-back rows
    units = {"lc": tree.lc, "dn": tree.dn, "root": tree.root}
    try:
        with transaction.atomic():
            members, state = [], {}
            computed = dict.fromkeys(units, 0)

            def probe(name):
                def compute():
                    computed[name] += 1
                    return name

                return kept("test.probe", scope=SYSTEM, parts=(name,), units=(units[name],), compute=compute)

            for op in history:
                for name in units:
                    probe(name)
                computed.update(dict.fromkeys(units, 0))
                touched = _apply(tree, op, members, state)
                for name, unit in units.items():
                    unit.refresh_from_db()
                    got = _values(facts_kept(scope=SYSTEM, unit=unit, start=START, end=END, as_of=AS_OF))
                    fresh = _values(facts_for(scope=SYSTEM, unit=unit, start=START, end=END, as_of=AS_OF))
                    assert got == fresh, (name, op, history)
                    probe(name)
                for name in ("lc", "dn"):
                    if touched is not None and name not in touched:
                        assert computed[name] == 0, (name, op, history)  # kept across a write elsewhere
                if touched is None or touched:
                    assert computed["root"] == 1, (op, history)  # the country moves with every write
            raise Rollback
    except Rollback:
        pass
