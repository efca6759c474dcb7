"""The emulation router and what its endpoints share."""

from django.http import Http404
from ninja import Router

from congdoan.core.dates import today

from .. import selectors
from ..models import AwardKind

router = Router(tags=["Thi đua, khen thưởng"])


def _kind(code_or_id) -> AwardKind:
    qs = selectors.union_award_kinds(on=today())
    kind = (qs.filter(pk=code_or_id) if str(code_or_id).isdigit() else qs.filter(code=code_or_id)).first()
    if kind is None:
        raise Http404
    return kind
