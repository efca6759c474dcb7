"""Emulation and commendation: movements, registrations, pledges and scoring, the award catalogue,
nominations, council votes, numbered decisions and the awards they grant.

Every row hangs off a unit, so access goes through the one ``Scope`` (a unit path prefix). One module per
part; everything is importable from ``congdoan.emulation.models`` as before.
"""

from .catalogue import AwardKind, AwardQuota
from .decisions import Award, CouncilSession, Decision, Nomination, NominationDocument
from .people import Discipline, WorkAbsence
from .pledges import Pledge, PledgeCriterion, PledgeResult, PledgeScore, PledgeSignatory
from .registrations import Movement, Registration, RegistrationDeadline, RegistrationEntry
from .uploads import nomination_upload_to

__all__ = [
    "Award",
    "AwardKind",
    "AwardQuota",
    "CouncilSession",
    "Decision",
    "Discipline",
    "Movement",
    "Nomination",
    "NominationDocument",
    "Pledge",
    "PledgeCriterion",
    "PledgeResult",
    "PledgeScore",
    "PledgeSignatory",
    "Registration",
    "RegistrationDeadline",
    "RegistrationEntry",
    "WorkAbsence",
    "nomination_upload_to",
]
