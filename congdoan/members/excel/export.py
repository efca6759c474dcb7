"""Exporting a filtered member list to Excel, with the import template's columns (so it can be edited and
imported back as updates) plus the unit's name and the member's status.

The filter is the members search page's (``members.selectors.MemberFilter`` / ``member_search``), read
from the same query parameters. Rows are streamed from the database and written by xlsxwriter in
constant-memory mode, so a province's list does not sit in memory.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core import xlsx
from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from congdoan.members.constants import MemberStatus
from congdoan.members.forms import SearchForm
from congdoan.members.selectors import MemberFilter, member_name_matches, member_search, text_query

from . import columns as c

EXPORT_COLUMNS = [col for col in c.COLUMNS if col.key not in ("decision_no",)]
# Political data: left out of an export unless an officer asks for it (``include_party``).
PARTY_KEYS = ("party_status", "party_introduced_on", "party_admitted_on")


def export_columns(include_party: bool = False) -> list:
    return [col for col in EXPORT_COLUMNS if include_party or col.key not in PARTY_KEYS]


# database field read for each column (admitted_on is the day the member joined)
SOURCE = {
    "code": "code",
    "full_name": "full_name",
    "gender": "gender",
    "date_of_birth": "date_of_birth",
    "ethnicity": "ethnicity",
    "cccd": "cccd",
    "phone": "phone",
    "email": "email",
    "job": "job",
    "education": "education",
    "hometown": "hometown",
    "is_informal": "is_informal",
    "party_status": "party_status",
    "party_introduced_on": "party_introduced_on",
    "party_admitted_on": "party_admitted_on",
    "unit_code": "unit__code",
    "admitted_on": "joined_on",
    "notes": "notes",
}


def filters_from_query(params) -> MemberFilter:
    """The search page's query parameters (its ``SearchForm``) as a MemberFilter, read as the page reads them."""
    form = SearchForm(params or None)
    data = form.cleaned_data if form.is_valid() else {}
    party = data.get("party") or None
    informal = data.get("informal")
    return MemberFilter(
        q=data.get("q") or "",
        unit_id=data.get("unit"),
        gender=data.get("gender") or "",
        age_band=data.get("age_band") or "",
        ethnicity=data.get("ethnicity") or "",
        sector=data.get("sector") or "",
        party_status="" if party == "none" else party,
        informal=None if informal in (None, "") else informal == "1",
        status=data.get("status") or "",
        joined_from=data.get("joined_from"),
        joined_to=data.get("joined_to"),
    )


def party_asked(params, scope: Scope) -> bool:
    """Did an officer (or administrator) ask for the Party columns (``?party_columns=1``)? A viewer never
    gets them."""
    return (params or {}).get("party_columns") == "1" and scope.holds(Role.OFFICER)


def member_export_rows(*, scope: Scope, filters: MemberFilter, include_party: bool = False):
    """The members to export, in name order: ``member_search`` narrowed by the free-text box, matching
    exactly the names the page lists (its tiers), not a plain "contains". With the Party columns, only the
    members of units the user acts on (officers and administrators)."""
    qs = member_search(scope=scope, filters=filters)
    if include_party:
        qs = scope.filter(qs, "unit__path", action=Action.ACT)
    if filters.q:
        exact, folded = text_query(filters.q)
        qs = qs.filter(exact) if exact is not None else member_name_matches(qs, folded)
    columns = export_columns(include_party)
    fields = [SOURCE[col.key] for col in columns if col.key in SOURCE] + ["unit__name", "status"]
    return qs.order_by("name_folded", "id").values_list(*fields)


def export_workbook(*, scope: Scope, filters: MemberFilter, include_party: bool = False) -> bytes:
    columns = export_columns(include_party)
    if include_party:
        event_record(
            actor=scope.actor,
            action="party.export",
            summary=_("Xuất danh sách đoàn viên kèm thông tin Đảng"),
            after={"unit_id": filters.unit_id, "q": filters.q},
        )
    out = io.BytesIO()
    wb = xlsx.xlsxwriter_book(out, constant_memory=True, in_memory=False)
    ws = wb.add_worksheet("Đoàn viên")
    head = wb.add_format({"bold": True, "bg_color": "#DCE6F1", "text_wrap": True, "valign": "vcenter"})
    date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
    headers = [col.header for col in columns] + [_("Tên đơn vị"), _("Trạng thái")]
    for j, header in enumerate(headers):
        ws.write_string(0, j, header, head)
    for j, col in enumerate(columns):
        ws.set_column(j, j, col.width)
    ws.set_column(len(columns), len(columns), 40)
    xlsx.print_layout(ws, header_row=0, first_col=3)
    labels = {
        "gender": c.GENDER_LABELS,
        "ethnicity": c.ETHNICITY_LABELS,
        "education": c.EDUCATION_LABELS,
        "party_status": c.PARTY_LABELS,
    }
    status_labels = dict(MemberStatus.choices)
    keys = [col.key for col in columns if col.key in SOURCE]
    r = 0
    for r, values in enumerate(
        member_export_rows(scope=scope, filters=filters, include_party=include_party).iterator(
            chunk_size=2000
        ),
        start=1,
    ):
        ws.write_number(r, 0, r)  # STT
        for j, (key, value) in enumerate(zip(keys, values, strict=False), start=1):
            if value is None or value == "":
                continue
            if key in labels:
                ws.write_string(r, j, str(labels[key].get(value, value)))
            elif key == "is_informal":
                ws.write_string(r, j, c.YES if value else c.NO)
            elif hasattr(value, "year"):
                ws.write_datetime(r, j, value, date_format)
            else:
                ws.write_string(r, j, str(value))
        ws.write_string(r, len(keys) + 1, values[-2] or "")
        ws.write_string(r, len(keys) + 2, str(status_labels.get(values[-1], values[-1])))
    ws.autofilter(0, 0, max(r, 1), len(headers) - 1)
    wb.close()
    return out.getvalue()
