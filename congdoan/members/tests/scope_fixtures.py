"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""

import datetime as dt


def outside_objects(tree) -> dict:
    from congdoan.core.scoping import Scope
    from congdoan.members import services
    from congdoan.members.models import AdmissionBatch

    from .conftest import admit_active, person

    member = admit_active(tree.g4, on=dt.date(2020, 1, 1))
    pending = services.member_admit(
        scope=Scope.unrestricted(),
        unit=tree.g4,
        admitted_on=dt.date(2024, 1, 1),
        decision_no="DN/01",
        **person(full_name="Phạm Thị Đà"),
    )
    batch = AdmissionBatch.objects.get(members=pending)
    services.batch_submit(scope=Scope.unrestricted(), batch=batch)
    # A transfer between two Đà Nẵng units that neither side in Lào Cai may see.
    from tests.factories import found

    other = found(tree.hc, "CĐCS Cảng Đà Nẵng", "grassroots", code="DNG.HC.002")
    request = services.member_transfer(
        scope=Scope(user_id=None, roots=((tree.g4.path, "officer"),)),
        member=member,
        to_unit=other,
        effective_on=dt.date(2024, 6, 1),
        decision_no="DN/CS",
    )
    post = services.post_add(
        scope=Scope.unrestricted(),
        member=member,
        title="Ủy viên BCH",
        valid_from=dt.date(2021, 1, 1),
    )
    m, b = {"pk": member.pk}, {"pk": batch.pk}
    api = "/api/v1/members"
    return {
        # The national list of leave reasons: its edit page does not exist for non-administrators.
        "members:leave_reason_edit": {"pk": tree_reason_pk()},
        "members:detail": m,
        "members:edit": m,
        "members:transfer": m,
        "members:leave": m,
        "members:readmit": m,
        "members:card": {"pk": member.pk, "step": "request"},
        "members:post_add": m,
        "members:post_edit": {"pk": member.pk, "post_id": post.pk},
        "members:post_delete": {"pk": member.pk, "post_id": post.pk},
        "members:batch": b,
        "members:batch_submit": b,
        "members:batch_approve": b,
        "members:batch_return": b,
        "members:transfer_decide": {"pk": request.pk, "decision": "accept"},
        f"GET {api}/{{member_id}}": {"path": {"member_id": member.pk}, "body": None},
        f"PATCH {api}/{{member_id}}": {
            "path": {"member_id": member.pk},
            "body": {"full_name": "X", "gender": "M", "date_of_birth": "1990-01-01"},
        },
        f"POST {api}/{{member_id}}/transfer": {
            "path": {"member_id": member.pk},
            "body": {"to_unit_code": "LCI.BT.001", "effective_on": "2025-01-01", "decision_no": "1"},
        },
        f"POST {api}/{{member_id}}/leave": {
            "path": {"member_id": member.pk},
            "body": {"left_on": "2025-01-01", "reason": "retired", "decision_no": "1"},
        },
        f"POST {api}/{{member_id}}/readmit": {
            "path": {"member_id": member.pk},
            "body": {"unit_id": tree.g1.pk, "readmitted_on": "2025-01-01", "decision_no": "1"},
        },
        f"POST {api}/{{member_id}}/card": {"path": {"member_id": member.pk}, "body": {"step": "request"}},
        f"GET {api}/batches/{{batch_id}}": {"path": {"batch_id": batch.pk}, "body": None},
        f"POST {api}/batches/{{batch_id}}/submit": {"path": {"batch_id": batch.pk}, "body": None},
        f"POST {api}/batches/{{batch_id}}/approve": {
            "path": {"batch_id": batch.pk},
            "body": {"decision_no": "1"},
        },
        f"POST {api}/batches/{{batch_id}}/return": {"path": {"batch_id": batch.pk}, "body": {"reason": "x"}},
        f"POST {api}/transfers/{{transfer_id}}/accept": {"path": {"transfer_id": request.pk}, "body": None},
        f"POST {api}/transfers/{{transfer_id}}/refuse": {
            "path": {"transfer_id": request.pk},
            "body": {"reason": "x"},
        },
    }


def tree_reason_pk() -> int:
    from congdoan.members.models import LeaveReason

    return LeaveReason.objects.get(code="retired").pk
