"""All writes of the emulation app, one function per use case (see the submodules)."""

from .catalogue import award_kind_save, quota_save
from .council import council_session_create, nomination_council_accept, nomination_council_reject
from .decisions import decision_issue
from .nominations import (
    nomination_attach,
    nomination_create,
    nomination_submit,
    nomination_withdraw,
    nominations_from_ranking,
)
from .pledges import pledge_rank, pledge_review, pledge_save, pledge_self_score, pledge_sign
from .received import decision_record
from .records import (
    absence_delete,
    absence_record,
    absence_save,
    discipline_delete,
    discipline_record,
    discipline_save,
)
from .registrations import (
    movement_save,
    registration_deadline_set,
    registration_submit,
)

__all__ = [
    "absence_delete",
    "absence_record",
    "absence_save",
    "award_kind_save",
    "council_session_create",
    "decision_issue",
    "decision_record",
    "discipline_delete",
    "discipline_record",
    "discipline_save",
    "movement_save",
    "nomination_attach",
    "nomination_council_accept",
    "nomination_council_reject",
    "nomination_create",
    "nomination_submit",
    "nomination_withdraw",
    "nominations_from_ranking",
    "pledge_rank",
    "pledge_review",
    "pledge_save",
    "pledge_self_score",
    "pledge_sign",
    "quota_save",
    "registration_deadline_set",
    "registration_submit",
]
