from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import TokenCreateForm


@login_required
def profile(request):
    form = TokenCreateForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        _token, new_secret = services.token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenCreateForm()
    tokens = request.user.api_tokens.order_by("-created_at")
    return render(
        request, "accounts/profile.html", {"form": form, "tokens": tokens, "new_secret": new_secret}
    )


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
