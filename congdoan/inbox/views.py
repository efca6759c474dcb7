"""The officer's inbox: the list, opening a notice (marks it read, then goes where it points), all read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import Notice


@login_required
def inbox(request):
    page = Paginator(selectors.notices_of(user=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "inbox/inbox.html", {"page": page})


@login_required
@require_POST
def notice_open(request, pk: int):
    try:
        notice = services.notice_open(user=request.user, pk=pk)
    except Notice.DoesNotExist as exc:
        raise Http404 from exc
    safe = notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()})
    return redirect(notice.url if safe else "inbox:inbox")


@login_required
@require_POST
def read_all(request):
    n = services.notices_read_all(user=request.user)
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": n})
    return redirect("inbox:inbox")
