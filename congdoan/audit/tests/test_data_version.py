"""The data versions kept answers are keyed by (``audit.version``): per area, with a global counter."""

import threading

import pytest
from django.core.cache import cache

from congdoan.audit import kept
from congdoan.audit.selectors import data_version
from congdoan.audit.services import event_record, events_record

pytestmark = pytest.mark.django_db


def test_a_commit_moves_the_version_past_what_a_reader_saw_before_it(
    tree, django_capture_on_commit_callbacks
):
    # A reader computing between the write and its commit keys the old rows under the version it read: the
    # commit must move the version once more.
    with django_capture_on_commit_callbacks(execute=False) as commits:
        event_record(actor=None, action="members.admit", summary="A", unit=tree.g1)
    read_before_commit = data_version([tree.lc])
    for callback in commits:
        callback()
    assert data_version([tree.lc]) != read_before_commit


def test_bulk_events_move_the_version(tree, django_capture_on_commit_callbacks):
    before = data_version([tree.lc]), data_version()
    with django_capture_on_commit_callbacks(execute=True):
        events_record(actor=None, action="members.import", items=[("B", tree.g3, None, "")])
    assert data_version([tree.lc]) != before[0] and data_version() != before[1]


def test_a_write_in_one_province_leaves_the_other_s_version(tree):
    lc, dn, country = data_version([tree.lc]), data_version([tree.dn]), data_version()
    event_record(actor=None, action="members.admit", summary="A", unit=tree.g1)
    assert data_version([tree.dn]) == dn
    assert data_version([tree.lc]) != lc and data_version([tree.g1]) != lc
    assert data_version() != country and data_version([tree.root]) != country


@pytest.mark.parametrize(
    "action, unit",
    [("unit.reparent", "g1"), ("targets.form_save", None), ("members.admit", "root"), ("member.merge", "g4")],
)
def test_tree_catalogue_root_and_spanning_writes_move_every_version(tree, action, unit):
    before = data_version([tree.lc]), data_version([tree.dn])
    event_record(actor=None, action=action, summary="A", unit=getattr(tree, unit) if unit else None)
    after = data_version([tree.lc]), data_version([tree.dn])
    assert after[0] != before[0] and after[1] != before[1]


def test_a_transfer_moves_both_provinces(tree):
    before = data_version([tree.lc]), data_version([tree.dn])
    event_record(actor=None, action="member.transfer", summary="A", unit=tree.g4, also=(tree.g1,))
    after = data_version([tree.lc]), data_version([tree.dn])
    assert after[0] != before[0] and after[1] != before[1]


def test_reads_without_writes_keep_the_version(tree):
    assert data_version([tree.lc]) == data_version([tree.lc]) and data_version() == data_version()


def test_a_missing_answer_is_computed_once_while_the_others_wait():
    # Another request holds the lock and keeps the answer a moment later: this one waits and reads it.
    cache.add("test.answer.lock", 1, 30)
    threading.Timer(0.2, lambda: cache.set("test.answer", "theirs", 30)).start()
    assert kept.kept_value("test.answer", lambda: "mine") == "theirs"


def test_a_lock_never_released_delays_the_answer_only_for_a_while(monkeypatch):
    monkeypatch.setattr(kept, "WAIT_SECONDS", 0.2)
    cache.add("test.stuck.lock", 1, 30)
    assert kept.kept_value("test.stuck", lambda: "mine") == "mine"
    assert cache.get("test.stuck") == "mine"
