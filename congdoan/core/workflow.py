"""One state machine for the documents a unit sends to the level above: submit → approve → (lock) → reopen.

Finance's budgets and settlements and the targets' periodic reports share it. An app declares its
``Workflow`` once: the states each step leaves from and goes to, who may take it (``Action.ACT``: the unit
itself; ``Action.APPROVE``: the level above), the verb that completes its refusal (“Không thể *duyệt* …”),
the message when a step needs a reason and none is given, and the prefix of its audit events. The services
keep what is theirs (locking the row, versions, roll-ups, notices) and call, in order:

``workflow.check(scope, obj, "approve", unit=…, reason=…)`` — refuses (``PermissionDenied`` naming the
unit, then ``ValidationError`` in Vietnamese) and changes nothing; then, after the change,
``workflow.record(scope, obj, "approve", summary=…, unit=…)`` — the audit event ``<prefix>_approve``.

The audit log lives above ``core``: the app hands its recorder (``audit.services.event_record``) in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from congdoan.core.scoping import Action, Scope


@dataclass(frozen=True)
class Step:
    """One step: from ``sources`` to ``target`` (None: an edit that keeps the state)."""

    name: str
    sources: tuple[str, ...]
    target: str | None
    action: str = Action.ACT
    verb: Any = ""
    reason_message: Any = None  # set: the step needs a reason, this is the refusal without one


@dataclass(frozen=True)
class Workflow:
    event_prefix: str  # "targets.report" → audit events "targets.report_submit", …
    refusal: Any  # "Không thể %(a)s báo cáo đang ở trạng thái “%(s)s”." (a: the verb, s: the state shown)
    steps: tuple[Step, ...]
    recorder: Callable[..., Any] | None = None
    status_field: str = "status"
    by_name: dict[str, Step] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {step.name: step for step in self.steps})

    def step(self, name: str) -> Step:
        return self.by_name[name]

    def allows(self, obj, name: str) -> bool:
        """May ``obj`` take step ``name`` in its current state (to show or hide a button)?"""
        return getattr(obj, self.status_field) in self.by_name[name].sources

    def require_state(self, obj, name: str) -> Step:
        step = self.by_name[name]
        if not self.allows(obj, name):
            display = getattr(obj, f"get_{self.status_field}_display")()
            raise ValidationError(self.refusal % {"a": step.verb, "s": display})
        return step

    def require_reason(self, name: str, reason: str | None) -> str:
        """The reason, stripped; refused when the step needs one and it is blank."""
        step = self.by_name[name]
        text = (reason or "").strip()
        if step.reason_message is not None and not text:
            raise ValidationError({"reason": step.reason_message})
        return text

    def check(self, scope: Scope, obj, name: str, *, unit, reason: str | None = None) -> Step:
        """Who may act, then the state, then the reason: the first that fails refuses, nothing changed."""
        step = self.by_name[name]
        scope.require_can(unit, step.action)
        self.require_state(obj, name)
        self.require_reason(name, reason)
        return step

    def event_action(self, name: str) -> str:
        return f"{self.event_prefix}_{name}"

    def record(self, scope: Scope, obj, name: str, *, summary: str, unit, **extra) -> Any:
        """The audit event of step (or other event) ``name``, by the scope's actor, on ``obj``."""
        if self.recorder is None:
            raise RuntimeError(f"Workflow {self.event_prefix} has no recorder")
        return self.recorder(
            actor=scope.actor, action=self.event_action(name), summary=summary, unit=unit, obj=obj, **extra
        )
