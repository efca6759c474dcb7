"""Project-level pages: the home page reads from every app below it (the top layer)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from congdoan.audit.selectors import event_list
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

# The home page's tiles: (URL name or path, title, what one does there).
MODULES = [
    (
        "org:tree",
        _l("Tổ chức"),
        _l("Cây tổ chức theo ngày; thành lập, sáp nhập, chia tách, giải thể đơn vị."),
    ),
    ("members:index", _l("Đoàn viên"), _l("Sổ đoàn viên, kết nạp, chuyển sinh hoạt, thẻ đoàn viên.")),
    ("targets:index", _l("Chỉ tiêu, báo cáo"), _l("Giao chỉ tiêu, nhập, duyệt và tổng hợp báo cáo định kỳ.")),
    ("welfare:index", _l("Chăm lo"), _l("Chương trình chăm lo, Tết Sum vầy, Mái ấm Công đoàn.")),
    ("emulation:index", _l("Thi đua, khen thưởng"), _l("Phong trào, giao ước thi đua, đề nghị khen thưởng.")),
    ("org:clusters", _l("Cụm, khối thi đua"), _l("Cụm, khối thi đua theo năm, cụm trưởng luân phiên.")),
]


@login_required
def home(request):
    scope = Scope.of(request)
    roots = list(org_selectors.unit_roots(scope=scope))
    cards = [
        (unit, org_selectors.unit_counts(scope=scope, unit=unit), Role(scope.role_on(unit.path)).label)
        for unit in roots[:6]
    ]
    modules = [(reverse(name), title, text) for name, title, text in MODULES]
    events = event_list(scope=scope)[:8] if not scope.is_empty else []
    return render(request, "home/home.html", {"cards": cards, "modules": modules, "events": events})
