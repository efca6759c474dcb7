from typing import Any

from django.db import models, transaction

from congdoan.core.actors import user_or_none

from .models import Event
from .version import generation_bump


def _after_commit() -> None:
    """The latest event id alone can miss a commit: a transaction holding id 100 that commits after one
    holding id 101 leaves the maximum at 101, and figures kept under "101" between the two commits would
    stay stale. Every commit that wrote events therefore also bumps a counter in the shared cache."""
    transaction.on_commit(generation_bump, robust=True)


def event_record(
    *,
    actor,
    action: str,
    summary: str,
    unit=None,
    obj: models.Model | None = None,
    decision_no: str = "",
    before: Any = None,
    after: Any = None,
) -> Event:
    """Write one audit event. Called by every service that changes something that matters."""
    _after_commit()
    return Event.objects.create(
        actor=user_or_none(actor),
        action=action,
        summary=summary[:500],
        unit=unit,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        decision_no=decision_no,
        before=before,
        after=after,
    )


def events_record(*, actor, action: str, items) -> None:
    """Write many audit events at once (bulk imports): ``items`` yields ``(summary, unit, obj, decision_no)``."""
    user = user_or_none(actor)
    _after_commit()
    Event.objects.bulk_create(
        [
            Event(
                actor=user,
                action=action,
                summary=summary[:500],
                unit=unit,
                object_type=obj._meta.label_lower if obj is not None else "",
                object_id=str(obj.pk) if obj is not None else "",
                decision_no=decision_no,
            )
            for summary, unit, obj, decision_no in items
        ],
        batch_size=2000,
    )
