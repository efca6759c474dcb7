"""Project-level pages: the home page and the unit dashboard read from every app below them (the top layer)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from congdoan.audit.kept import kept
from congdoan.audit.selectors import event_list
from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from congdoan.documents.annex import facts_xlsx
from congdoan.documents.facts import facts_by_area
from congdoan.documents.figures import facts_kept, figures_kept
from congdoan.members import selectors as member_selectors
from congdoan.members import stats as member_stats
from congdoan.members.models import AdmissionBatch
from congdoan.org import selectors as org_selectors
from congdoan.targets import selectors as target_selectors

from .forms import PeriodForm

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
    day = today()

    def figures():
        # The first six units of the user and their counts, kept until the next write in their provinces
        # (those of the scope's roots: no query to read the version).
        roots = org_selectors.natural_order(org_selectors.unit_roots(scope=scope))[:6]
        return [
            (
                unit,
                {
                    **org_selectors.unit_counts(scope=scope, unit=unit),
                    "members": member_stats.total_on(unit=unit, on=day),
                },
            )
            for unit in roots
        ]

    units = None if scope.everything else [path for path, _role in scope.roots]
    kept = member_stats.kept(scope=scope, parts=("home", day), compute=figures, units=units)
    cards = [(unit, counts, Role(scope.role_on(unit.path)).label) for unit, counts in kept]
    modules = [(reverse(name), title, text) for name, title, text in MODULES]
    events = event_list(scope=scope)[:8] if not scope.is_empty else []
    return render(request, "home/home.html", {"cards": cards, "modules": modules, "events": events})


def _todo(scope: Scope, unit) -> dict:
    """What waits for the user in ``unit``'s subtree: reports and admission lists to approve."""
    reports = [r for r in target_selectors.inbox(scope=scope) if r.unit.path.startswith(unit.path)]
    batches = [
        b
        for b in member_selectors.batch_list(scope=scope, status=AdmissionBatch.Status.SUBMITTED)
        if b.unit.path.startswith(unit.path) and scope.can(b.unit, Action.APPROVE)
    ]
    return {"reports": reports, "batches": batches}


@login_required
def dashboard(request, pk: int):
    """A unit's figures over a period, by area, with the user's to-do list and the way up the tree."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    form = PeriodForm(request.GET or None)
    start, end, day = form.window()
    structure = form.tree()

    def figures_html() -> tuple[str, bool]:
        facts, charts = figures_kept(
            scope=scope, unit=unit, start=start, end=end, as_of=day, structure=structure
        )
        html = render_to_string(
            "home/partials/dashboard_figures.html", {"areas": facts_by_area(facts), "charts": charts}
        )
        return html, bool(charts)

    # The figures and charts rendered once per data version: unpickling the facts and re-rendering a
    # province's hundred-row chart tables was most of a kept dashboard's time.
    parts = (unit.pk, unit.path, start, end, day, structure)
    html, charts = kept("home.dashboard", scope=scope, parts=parts, compute=figures_html, units=(unit,))
    query = request.GET.urlencode()
    on = None if structure == target_selectors.NOW else end

    def nav_html() -> tuple[str, str]:
        # The children (as the tree stood at the period's end, or today's: the same tree as the charts by
        # child), the to-do list and the emulation clusters of the period's year, rendered once per version
        # of the unit's province: a province's hundred children and their links were most of a kept request.
        children = org_selectors.natural_order(org_selectors.unit_children(scope=scope, unit=unit, on=on))
        clusters = org_selectors.cluster_list(scope=scope, year=end.year).filter(members=unit)
        return (
            render_to_string("home/partials/dashboard_children.html", {"children": children, "query": query}),
            render_to_string(
                "home/partials/dashboard_side.html", {"todo": _todo(scope, unit), "clusters": clusters}
            ),
        )

    nav = kept("home.dashboard.nav", scope=scope, parts=(*parts, query), compute=nav_html, units=(unit,))
    context = {
        "unit": unit,
        "form": form,
        "start": start,
        "end": end,
        "figures_html": html,  # a SafeString (render_to_string), kept as such in the cache
        "children_html": nav[0],
        "side_html": nav[1],
        "charts": charts,
        "ancestors": org_selectors.unit_ancestors(scope=scope, unit=unit),
        "structure_label": form.tree_label(),
        "query": query,
        "as_of": day,
        "today": today(),
    }
    return render(request, "home/dashboard.html", context)


@login_required
def dashboard_xlsx(request, pk: int):
    """The dashboard's figures for the same unit and period as an Excel annex (the fact table)."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    start, end, day = PeriodForm(request.GET or None).window()
    facts = facts_kept(scope=scope, unit=unit, start=start, end=end, as_of=day)
    data = facts_xlsx(unit=unit, start=start, end=end, facts=facts, on=day)
    return file_response(data, f"so-lieu-{unit.code}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
