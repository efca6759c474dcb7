"""Pages of background jobs: the list, one job with a progress bar the page polls, its result file."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render

from congdoan.core.scoping import Scope

from . import selectors


@login_required
def job_index(request):
    jobs = selectors.job_list(scope=Scope.of(request))[:50]
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@login_required
def job_detail(request, pk: int):
    """The job page; HTMX polls the same URL for the status fragment every second until the job ends."""
    job = selectors.job_get(scope=Scope.of(request), pk=pk)
    template = "jobs/partials/job_status.html" if request.htmx else "jobs/job_detail.html"
    return render(request, template, {"job": job})


@login_required
def job_result(request, pk: int):
    """Download the file a job produced (e.g. the workbook with an error column)."""
    job = selectors.job_get(scope=Scope.of(request), pk=pk)
    if not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_name or "ket-qua.xlsx"
    )
