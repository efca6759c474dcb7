from typing import Any

from django.db import models

from congdoan.core.actors import user_or_none

from .models import Event
from .version import bump_now_and_at_commit, write_areas


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
    also: tuple = (),
) -> Event:
    """Write one audit event. Called by every service that changes something that matters.

    ``also``: other units whose rows the change touched (a transfer's source union), so that the figures
    kept for their areas move too (``version``)."""
    bump_now_and_at_commit(write_areas(action, [unit, *also]))
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
    events = [
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
    ]
    units = {e.unit_id: e.unit for e in events}
    bump_now_and_at_commit(write_areas(action, list(units.values()) or [None]))
    Event.objects.bulk_create(events, batch_size=2000)
