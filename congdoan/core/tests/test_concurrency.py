"""The shared mechanism: a stale form re-filled with the current values, one-time tokens, digests."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from congdoan.core.concurrency import (
    ONCE_FIELD,
    SubmitOnceFormMixin,
    VersionConflict,
    VersionedFormMixin,
    digest,
    form_refill_after_conflict,
    run_once,
)
from congdoan.core.fields import AmountField, DateField
from congdoan.core.forms import StyledForm


class PersonForm(VersionedFormMixin, StyledForm):
    phone = forms.CharField(label="Điện thoại", required=False)
    job = forms.CharField(label="Nghề nghiệp", required=False)
    allowance = AmountField(label="Phụ cấp", required=False)
    born = DateField(label="Ngày sinh", required=False)


def current_record(**values):
    when = dt.datetime(2026, 12, 6, 14, 5, tzinfo=ZoneInfo(settings.TIME_ZONE))
    return SimpleNamespace(version=4, edited_at=when, **values)


def test_the_conflict_message_says_when_and_asks_to_check_the_current_values():
    exc = VersionConflict(current_record())
    assert exc.messages == [
        "Bản ghi đã được người khác sửa lúc 14:05 06/12/2026 — dưới đây là giá trị hiện tại; "
        "hãy kiểm tra rồi lưu lại."
    ]


def test_a_stale_form_is_refilled_with_the_current_values_and_lists_what_was_typed():
    form = PersonForm(
        {"phone": "0912", "job": "Kỹ sư", "allowance": "1.500.000", "born": "17/05/1990", "version": "3"},
        version=3,
    )
    assert form.is_valid()
    current = current_record(phone="0987", job="Công nhân", allowance=2_000_000, born=dt.date(1990, 5, 17))
    form_refill_after_conflict(form, VersionConflict(current))

    html = str(form["phone"]) + str(form["allowance"]) + str(form["version"]) + str(form["born"])
    assert 'value="0987"' in html and 'value="2.000.000"' in html and 'value="4"' in html
    assert 'value="17/05/1990"' in html
    errors = form.non_field_errors()
    assert errors[0].startswith("Bản ghi đã được người khác sửa lúc")
    assert "Điện thoại: hiện tại “0987”, bạn đã nhập “0912”." in errors
    assert "Phụ cấp: hiện tại “2.000.000”, bạn đã nhập “1.500.000”." in errors
    assert not any("Ngày sinh" in e for e in errors)  # unchanged fields are not listed


class OnceForm(SubmitOnceFormMixin, StyledForm):
    name = forms.CharField()


def test_a_one_time_token_runs_the_action_once_and_frees_itself_when_refused():
    token = OnceForm().initial[ONCE_FIELD]
    assert len(token) >= 24 and OnceForm().initial[ONCE_FIELD] != token
    calls = []
    assert run_once(token, lambda: calls.append(1) or "made") == "made"
    with pytest.raises(ValidationError, match="đã được gửi rồi"):
        run_once(token, lambda: calls.append(2))
    assert calls == [1]

    other = OnceForm().initial[ONCE_FIELD]

    def refused():
        raise ValidationError("Thiếu họ tên.")

    with pytest.raises(ValidationError, match="Thiếu họ tên"):
        run_once(other, refused)
    assert run_once(other, lambda: "fixed and sent again") == "fixed and sent again"


def test_a_digest_changes_with_any_cell_and_not_with_the_order_of_rows():
    rows = [(1, 2, "100"), (1, 3, "50")]
    assert digest(rows) == digest(list(reversed(rows)))
    assert digest(rows) != digest([(1, 2, "100"), (1, 3, "51")])
    assert digest([]) != digest(rows)
