import pytest

from congdoan.audit.selectors import data_version
from congdoan.audit.services import event_record, events_record

pytestmark = pytest.mark.django_db


def test_a_commit_that_wrote_events_changes_the_version_even_without_a_higher_id(
    django_capture_on_commit_callbacks,
):
    # Transaction A writes its event, a reader keys kept figures under the latest id, and only then does A
    # commit (as when a transaction holding a lower id commits after one holding a higher id): the version
    # must move at A's commit although the latest id stays the same.
    with django_capture_on_commit_callbacks(execute=False) as commits:
        event_record(actor=None, action="members.admit", summary="A")
    read_before_commit = data_version()
    for callback in commits:
        callback()
    assert data_version() != read_before_commit


def test_bulk_events_move_the_version_at_commit(django_capture_on_commit_callbacks):
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True):
        events_record(actor=None, action="members.import", items=[("B", None, None, "")])
    assert data_version() != before


def test_reads_without_writes_keep_the_version():
    assert data_version() == data_version()
