"""Sign-in and sign-out, and the landing page for each kind of user."""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from web.forms import SignInForm
from web.models import PageUser
from web.pages import page_view


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse("web:home")


def signin(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=form.cleaned_data["email"].lower(),
                            password=form.cleaned_data["password"])
        if user is None or not PageUser.objects.filter(user=user).exists():
            form.add_error(None, "The e-mail address or the password is not right.")
        else:
            login(request, user)
            return redirect(_next_url(request))
    return render(request, "web/signin.html",
                  {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
                  status=400 if form.errors else 200)


@require_POST
def signout(request):
    logout(request)
    messages.info(request, "You are signed out.")
    return redirect("web:signin")


@page_view
def home(request):
    return redirect("web:portal" if request.role == "customer" else "web:dashboard")
