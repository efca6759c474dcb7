from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..forms import TokenCreateForm


@login_required
def profile(request):
    form = TokenCreateForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        _token, new_secret = services.token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenCreateForm()
    tokens = request.user.api_tokens.order_by("-created_at")
    context = {
        "form": form,
        "tokens": tokens,
        "new_secret": new_secret,
        "otp_device": services.otp_device(request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_revoke(request, pk: int):
    try:
        services.token_revoke(user=request.user, token_id=pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã thu hồi khoá API."))
    return redirect("accounts:profile")


@login_required
@require_POST
def sessions_end(request):
    """Sign out of every other session (other browsers, phones); this one stays signed in."""
    user = services.sessions_end_all(user=request.user)
    update_session_auth_hash(request, user)
    messages.success(request, _("Đã đăng xuất khỏi mọi phiên khác; phiên này vẫn tiếp tục."))
    return redirect("accounts:profile")
