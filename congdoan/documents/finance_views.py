"""Downloads of finance documents: a month's receipt list, a budget or settlement."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404

from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.finance import selectors as finance_selectors

from . import finance_docs


@login_required
def finance_receipts(request, pk: int, fmt: str):
    roll = finance_selectors.roll_get(scope=Scope.of(request), pk=pk)
    if fmt == "pdf":
        data = finance_docs.receipts_pdf(roll)
    elif fmt == "xlsx":
        data = finance_docs.receipts_xlsx(roll)
    else:
        raise Http404
    return file_response(data, f"thu-doan-phi-{roll.month:%Y-%m}-{roll.pk}.{fmt}")


@login_required
def finance_statement(request, pk: int, fmt: str):
    statement = finance_selectors.statement_get(scope=Scope.of(request), pk=pk)
    makers = {
        "pdf": finance_docs.statement_pdf,
        "xlsx": finance_docs.statement_xlsx,
        "docx": finance_docs.statement_docx,
    }
    if fmt not in makers:
        raise Http404
    return file_response(makers[fmt](statement), f"{statement.kind}-{statement.year}-{statement.pk}.{fmt}")
