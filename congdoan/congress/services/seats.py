"""The people of a term's bodies, with the caps, and the union posts that follow from them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold, normalise
from congdoan.core.validation import require
from congdoan.members.services import post_add, post_delete, post_update

from ..constants import POST_TITLES, BodyKind, CapKind, SeatRole
from ..models import Body, Seat, Term
from ..rules import band_text, cap_for, rule_on
from ._common import member_count

RANKS = {SeatRole.CHAIR: 0, SeatRole.VICE_CHAIR: 1, SeatRole.MEMBER: 2}
ONE_DAY = dt.timedelta(days=1)


def _count_day(term: Term) -> tuple[dt.date, int]:
    """The day and member count the caps are read for: the congress's own when held, else today's."""
    congress = getattr(term, "congress", None)  # None for an appointed term
    if congress is not None and congress.held_on and congress.members_count is not None:
        return congress.held_on, congress.members_count
    day = term.took_office or today()
    return day, member_count(term.unit, day)


def _seats(term: Term, kind: str):
    return Seat.objects.filter(body__term=term, body__kind=kind)


def _same_person(seat: Seat, member, name: str) -> bool:
    if member is not None:
        return seat.member_id == member.pk
    return seat.member_id is None and fold(seat.full_name) == fold(name)


def _check_caps(term: Term, kind: str, role: str, member, name: str) -> None:
    day, members = _count_day(term)
    rule = rule_on(day)
    here = list(_seats(term, kind))
    require(
        not any(_same_person(s, member, name) for s in here),
        _("“%(n)s” đã có trong %(b)s.") % {"n": name, "b": BodyKind(kind).label},
        "member",
    )
    if role == SeatRole.CHAIR:
        require(
            not any(s.role == SeatRole.CHAIR for s in here),
            _("%(b)s đã có người giữ chức “%(r)s”.") % {"b": BodyKind(kind).label, "r": _l_role(kind, role)},
            "role",
        )
    if kind == BodyKind.EXECUTIVE:
        cap = cap_for(CapKind.EXECUTIVE, unit=term.unit, members=members, day=day)
        if cap is not None:
            require(
                len(here) + 1 <= cap.cap,
                _("Ban Chấp hành của “%(u)s” (%(b)s) tối đa %(c)s ủy viên theo %(s)s; đã đủ %(c)s người.")
                % {"u": term.unit.name, "b": band_text(cap), "c": cap.cap, "s": cap.source},
                "member",
            )
        return
    if kind == BodyKind.STANDING:
        executive = list(_seats(term, BodyKind.EXECUTIVE))
        size = len(executive)
        require(
            size >= rule.standing_min_executive,
            _("Chỉ bầu Ban Thường vụ khi Ban Chấp hành có từ %(m)s ủy viên trở lên (%(s)s); hiện có %(n)s.")
            % {"m": rule.standing_min_executive, "s": rule.source, "n": size},
            "member",
        )
        most = size // rule.standing_max_divisor
        require(
            len(here) + 1 <= most,
            _(
                "Ban Thường vụ không quá 1/%(d)s Ban Chấp hành (%(s)s): Ban Chấp hành %(n)s ủy viên thì "
                "Ban Thường vụ tối đa %(c)s người."
            )
            % {"d": rule.standing_max_divisor, "s": rule.source, "n": size, "c": most},
            "member",
        )
        require(
            any(_same_person(s, member, name) for s in executive),
            _("“%(n)s” chưa có trong Ban Chấp hành: ủy viên Ban Thường vụ được bầu trong Ban Chấp hành.")
            % {"n": name},
            "member",
        )


def _l_role(kind: str, role: str) -> str:
    return str(POST_TITLES[(kind, role)])


def _post_for(scope: Scope, seat: Seat, term: Term, day: dt.date) -> None:
    if seat.member_id is None or seat.post_id is not None:
        return
    seat.post = post_add(
        scope=scope,
        member=seat.member,
        title=f"{_l_role(seat.body.kind, seat.role)} — {term.unit.name}",
        valid_from=day,
        unit=term.unit,
        is_full_time=seat.is_full_time,
    )
    seat.save(update_fields=["post"])


def take_office(*, scope: Scope, term: Term, day: dt.date) -> None:
    """``term`` takes office on ``day``: its members' posts start that day; the posts of the unit's earlier
    terms still open end the day before."""
    if term.took_office != day:
        term.took_office = day
        term.save(update_fields=["took_office"])
    earlier = Seat.objects.filter(
        body__term__unit=term.unit, body__term__start_year__lt=term.start_year, post__valid_to__isnull=True
    ).select_related("post", "post__member")
    for seat in earlier:
        post = seat.post
        if post.valid_from <= day - ONE_DAY:
            post_update(
                scope=scope,
                post=post,
                title=post.title,
                valid_from=post.valid_from,
                valid_to=day - ONE_DAY,
                is_full_time=post.is_full_time,
            )
    for seat in Seat.objects.filter(body__term=term).select_related("body", "member", "member__unit"):
        _post_for(scope, seat, term, day)


@transaction.atomic
def seat_add(
    *,
    scope: Scope,
    term: Term,
    kind: str,
    role: str = SeatRole.MEMBER,
    member=None,
    full_name: str = "",
    is_full_time: bool = False,
) -> Seat:
    """Add a person to one of ``term``'s bodies, within the caps; a member's union post starts when the term
    takes office (at once if it already has)."""
    scope.require_can(term.unit)
    term = Term.objects.select_for_update().select_related("unit", "unit__kind").get(pk=term.pk)
    require(kind in BodyKind.values, _("Cơ quan không hợp lệ."), "kind")
    require(role in SeatRole.values, _("Chức danh không hợp lệ."), "role")
    name = member.full_name if member is not None else normalise(full_name or "")
    require(bool(name), _("Hãy chọn đoàn viên theo mã hoặc nhập họ tên."), "member")
    _check_caps(term, kind, role, member, name)
    body, _created = Body.objects.get_or_create(term=term, kind=kind)
    seat = Seat(
        body=body,
        member=member,
        full_name=name[:150],
        role=role,
        rank=RANKS[role],
        is_full_time=is_full_time,
    )
    seat.full_clean(exclude=["post"])
    seat.save()
    if term.took_office is not None:
        _post_for(scope, seat, term, term.took_office)
    event_record(
        actor=scope.actor,
        action="congress.seat_add",
        summary=_("“%(n)s”: %(r)s, nhiệm kỳ %(t)s của “%(u)s”")
        % {"n": name, "r": _l_role(kind, role), "t": term.label, "u": term.unit.name},
        unit=term.unit,
        obj=term,
    )
    return seat


@transaction.atomic
def seat_remove(*, scope: Scope, seat: Seat) -> Term:
    """Take a person entered by mistake out of a body (their union post from it goes too)."""
    term = seat.body.term
    scope.require_can(term.unit)
    if seat.body.kind == BodyKind.EXECUTIVE:
        standing = _seats(term, BodyKind.STANDING)
        require(
            not any(_same_person(s, seat.member, seat.full_name) for s in standing),
            _("“%(n)s” đang là ủy viên Ban Thường vụ: hãy bỏ khỏi Ban Thường vụ trước.")
            % {"n": seat.full_name},
        )
        if standing.exists():
            rule = rule_on(_count_day(term)[0])
            size = _seats(term, BodyKind.EXECUTIVE).count() - 1
            require(
                standing.count() <= size // rule.standing_max_divisor,
                _("Ban Thường vụ không quá 1/%(d)s Ban Chấp hành: bỏ bớt người khỏi Ban Thường vụ trước.")
                % {"d": rule.standing_max_divisor},
            )
    post = seat.post
    name, title = seat.full_name, _l_role(seat.body.kind, seat.role)
    seat.delete()
    if post is not None:
        post_delete(scope=scope, post=post)
    event_record(
        actor=scope.actor,
        action="congress.seat_remove",
        summary=_("Bỏ “%(n)s” (%(r)s) khỏi nhiệm kỳ %(t)s của “%(u)s”")
        % {"n": name, "r": title, "t": term.label, "u": term.unit.name},
        unit=term.unit,
        obj=term,
    )
    return term
