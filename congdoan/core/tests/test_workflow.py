"""The shared submit → approve → reopen machine (``core.workflow``): who may take a step, from which states,
the Vietnamese refusals, the reason, and the audit event it names — and the two workflows built on it."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from congdoan.core.workflow import Step, Workflow
from congdoan.finance.constants import StatementStatus
from congdoan.finance.services.statements import WORKFLOW as FINANCE
from congdoan.targets.constants import ReportStatus
from congdoan.targets.services._common import WORKFLOW as TARGETS


class State(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SENT = "sent", "Đã gửi"
    DONE = "done", "Đã duyệt"


@dataclass
class Paper:
    status: str

    def get_status_display(self):
        return State(self.status).label


@dataclass(frozen=True)
class Unit:
    path: str
    name: str


RECORDED = []
FLOW = Workflow(
    event_prefix="demo.paper",
    refusal="Không thể %(a)s giấy đang ở trạng thái “%(s)s”.",
    steps=(
        Step("send", (State.DRAFT,), State.SENT, Action.ACT, "gửi"),
        Step("approve", (State.SENT,), State.DONE, Action.APPROVE, "duyệt"),
        Step("reopen", (State.SENT, State.DONE), State.DRAFT, Action.APPROVE, "mở lại", "Cần ghi lý do."),
    ),
    recorder=lambda **kwargs: RECORDED.append(kwargs),
)
PROVINCE, GRASSROOTS = Unit("/1/2/", "LĐLĐ tỉnh"), Unit("/1/2/3/", "CĐCS Mỏ")
OWN = Scope(user_id=1, roots=((GRASSROOTS.path, Role.OFFICER),))
ABOVE = Scope(user_id=2, roots=((PROVINCE.path, Role.OFFICER),))


def test_a_step_from_the_wrong_state_is_refused_naming_the_state():
    with pytest.raises(ValidationError) as info:
        FLOW.check(OWN, Paper(State.SENT), "send", unit=GRASSROOTS)
    assert info.value.messages == ["Không thể gửi giấy đang ở trạng thái “Đã gửi”."]
    assert FLOW.check(OWN, Paper(State.DRAFT), "send", unit=GRASSROOTS).target == State.SENT


def test_only_the_level_above_approves():
    with pytest.raises(PermissionDenied) as info:
        FLOW.check(OWN, Paper(State.SENT), "approve", unit=GRASSROOTS)
    assert "CĐCS Mỏ" in str(info.value)
    assert FLOW.check(ABOVE, Paper(State.SENT), "approve", unit=GRASSROOTS).target == State.DONE


def test_permission_is_checked_before_the_state_and_the_state_before_the_reason():
    with pytest.raises(PermissionDenied):
        FLOW.check(OWN, Paper(State.DRAFT), "reopen", unit=GRASSROOTS, reason="")
    with pytest.raises(ValidationError) as info:
        FLOW.check(ABOVE, Paper(State.DRAFT), "reopen", unit=GRASSROOTS, reason="")
    assert "mở lại" in info.value.messages[0]
    with pytest.raises(ValidationError) as info:
        FLOW.check(ABOVE, Paper(State.DONE), "reopen", unit=GRASSROOTS, reason="   ")
    assert info.value.message_dict == {"reason": ["Cần ghi lý do."]}
    assert FLOW.require_reason("reopen", "  sai số liệu ") == "sai số liệu"


def test_the_audit_event_is_named_after_the_step():
    RECORDED.clear()
    paper = Paper(State.DONE)
    FLOW.record(ABOVE, paper, "reopen", summary="Mở lại", unit=GRASSROOTS, before={"status": "done"})
    assert RECORDED == [
        {
            "actor": None,
            "action": "demo.paper_reopen",
            "summary": "Mở lại",
            "unit": GRASSROOTS,
            "obj": paper,
            "before": {"status": "done"},
        }
    ]
    assert FLOW.allows(paper, "reopen") and not FLOW.allows(paper, "approve")


@pytest.mark.parametrize(
    "flow, states",
    [(FINANCE, StatementStatus), (TARGETS, ReportStatus)],
    ids=["finance", "targets"],
)
def test_the_apps_workflows_use_their_own_states(flow, states):
    for step in flow.steps:
        assert set(step.sources) <= set(states.values)
        assert step.target is None or step.target in states.values
    assert flow.step("approve").action == Action.APPROVE and flow.step("submit").action == Action.ACT
    assert flow.step("reopen").reason_message
