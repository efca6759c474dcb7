from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from congdoan.core.dates import parse_date


def form_add_service_error(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the named field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def date_param(request, name: str = "on"):
    """A ?on=YYYY-MM-DD (or dd/mm/yyyy) query parameter; an invalid one is ignored."""
    try:
        return parse_date(request.GET.get(name))
    except ValueError:
        return None


# The home page's tiles: (URL name or path, title, what one does there).
MODULES = [
    (
        "org:tree",
        _l("Tổ chức"),
        _l("Cây tổ chức theo ngày; thành lập, sáp nhập, chia tách, giải thể đơn vị."),
    ),
    ("/members/", _l("Đoàn viên"), _l("Sổ đoàn viên, kết nạp, chuyển sinh hoạt, thẻ đoàn viên.")),
    ("/targets/", _l("Chỉ tiêu, báo cáo"), _l("Giao chỉ tiêu, nhập, duyệt và tổng hợp báo cáo định kỳ.")),
    ("/welfare/", _l("Chăm lo"), _l("Chương trình chăm lo, Tết Sum vầy, Mái ấm Công đoàn.")),
    ("/emulation/", _l("Thi đua, khen thưởng"), _l("Phong trào, giao ước thi đua, đề nghị khen thưởng.")),
    ("org:clusters", _l("Cụm, khối thi đua"), _l("Cụm, khối thi đua theo năm, cụm trưởng luân phiên.")),
]


@login_required
def home(request):
    from congdoan.accounts.constants import Role
    from congdoan.audit.selectors import event_list
    from congdoan.core.scoping import Scope
    from congdoan.org import selectors

    scope = Scope.for_user(request.user)
    roots = list(selectors.unit_roots(scope=scope))
    cards = [
        (unit, selectors.unit_counts(scope=scope, unit=unit), Role(scope.role_on(unit.path)).label)
        for unit in roots[:6]
    ]
    modules = [
        (target if target.startswith("/") else reverse(target), title, text)
        for target, title, text in MODULES
    ]
    events = event_list(scope=scope)[:8] if not scope.is_empty else []
    return render(request, "core/home.html", {"cards": cards, "modules": modules, "events": events})
