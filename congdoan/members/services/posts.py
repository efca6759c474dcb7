"""Union posts a member held (the medal eligibility counts service from their dates)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require as _require
from congdoan.org.models import Unit

from ..constants import (
    MIN_AGE,
    MemberStatus,
)
from ..models import (
    Member,
    UnionPost,
)
from ._common import (
    _age_on,
    _require_date,
)


# -- union posts --------------------------------------------------------------------------------
def _check_post(member: Member, title: str, valid_from, valid_to) -> str:
    """A post's title and dates: the medal eligibility counts service from them, so the start may not be
    before the member turned 15 and the end not before the start. Returns the cleaned title."""
    title = normalise(title)
    _require(bool(title), _("Cần nhập chức vụ."), "title")
    _require_date(valid_from, "valid_from", _("ngày bắt đầu"))
    born = member.date_of_birth
    _require(
        _age_on(born, valid_from) >= MIN_AGE,
        _("Ngày bắt đầu giữ chức vụ không được trước ngày “%(m)s” đủ %(n)s tuổi (%(d)s).")
        % {"m": member.full_name, "n": MIN_AGE, "d": format_date(_day_aged(born, MIN_AGE))},
        "valid_from",
    )
    _require(
        valid_to is None or valid_to >= valid_from,
        _("Ngày kết thúc không được trước ngày bắt đầu (%(d)s).") % {"d": format_date(valid_from)},
        "valid_to",
    )
    return title


@transaction.atomic
def post_add(
    *,
    scope: Scope,
    member: Member,
    title: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    unit: Unit | None = None,
    is_full_time: bool = False,
) -> UnionPost:
    """Record a union post the member held (CĐCS chair, BCH member…)."""
    scope.require_can(member.unit)
    title = _check_post(member, title, valid_from, valid_to)
    unit = unit or member.unit
    post = UnionPost(
        member=member,
        unit=unit,
        title=title,
        valid_from=valid_from,
        valid_to=valid_to,
        is_full_time=is_full_time,
        is_non_state=unit.sector in ("non_state", "fdi"),
    )
    post.full_clean()
    post.save()
    event_record(
        actor=scope.actor,
        action="member.post_add",
        unit=unit,
        obj=member,
        summary=_("“%(m)s” giữ chức vụ “%(t)s” từ %(d)s")
        % {"m": member.full_name, "t": title, "d": format_date(valid_from)},
    )
    return post


def _post_snapshot(post: UnionPost) -> dict:
    return {
        "title": post.title,
        "unit": post.unit.code,
        "valid_from": post.valid_from.isoformat(),
        "valid_to": post.valid_to.isoformat() if post.valid_to else None,
        "is_full_time": post.is_full_time,
    }


def _lock_post(post: UnionPost, scope: Scope) -> UnionPost:
    post = (
        UnionPost.objects.select_for_update().select_related("member", "member__unit", "unit").get(pk=post.pk)
    )
    scope.require_can(post.member.unit)
    _require(post.member.status != MemberStatus.MERGED, _("Hồ sơ này đã được gộp vào hồ sơ khác."))
    return post


@transaction.atomic
def post_update(
    *,
    scope: Scope,
    post: UnionPost,
    title: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    is_full_time: bool = False,
) -> UnionPost:
    """Correct a union post the member held, or end it by setting its last day (``valid_to``).

    The medal eligibility counts service from these dates, so they are checked: the start not before
    the member turned 15, the end not before the start.
    """
    post = _lock_post(post, scope)
    member = post.member
    title = _check_post(member, title, valid_from, valid_to)
    before = _post_snapshot(post)
    post.title, post.valid_from, post.valid_to, post.is_full_time = title, valid_from, valid_to, is_full_time
    post.full_clean()
    post.save(update_fields=["title", "valid_from", "valid_to", "is_full_time"])
    after = _post_snapshot(post)
    ended = valid_to is not None and before["valid_to"] is None
    summary = (
        _("“%(m)s” thôi giữ chức vụ “%(t)s” từ sau ngày %(d)s")
        % {"m": member.full_name, "t": title, "d": format_date(valid_to)}
        if ended
        else _("Sửa chức vụ “%(t)s” của “%(m)s”") % {"m": member.full_name, "t": title}
    )
    event_record(
        actor=scope.actor,
        action="member.post_update",
        unit=post.unit,
        obj=member,
        summary=summary,
        before=before,
        after=after,
    )
    return post


@transaction.atomic
def post_delete(
    *,
    scope: Scope,
    post: UnionPost,
) -> Member:
    """Delete a post entered by mistake (a post that really ended gets its end date instead)."""
    post = _lock_post(post, scope)
    member, before = post.member, _post_snapshot(post)
    post.delete()
    event_record(
        actor=scope.actor,
        action="member.post_delete",
        unit=post.unit,
        obj=member,
        summary=_("Xoá chức vụ “%(t)s” (từ %(d)s) nhập nhầm của “%(m)s”")
        % {"t": before["title"], "d": format_date(post.valid_from), "m": member.full_name},
        before=before,
    )
    return member


def _day_aged(born: dt.date, years: int) -> dt.date:
    """The day someone born on ``born`` turns ``years`` (1 March for 29 February in a common year)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return dt.date(born.year + years, 3, 1)
