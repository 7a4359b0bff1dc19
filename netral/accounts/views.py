from __future__ import annotations

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from netral.accounts.enrolment import (
    Enrolment,
    LinkState,
    enrolment_link_find,
    enrolment_link_valid,
    has_totp_device,
    totp_enrol,
)
from netral.accounts.forms import ThrottledLoginForm, TokenForm
from netral.accounts.models import User

# The seed being enrolled lives in this session only: another session signed in with the
# same password gets a seed of its own, and only the first to confirm wins.
ENROLMENT_SEED = "netral_totp_enrolment_seed"
# The enrolment link opened in this session (its id; the secret is never kept).
ENROLMENT_LINK = "netral_totp_enrolment_link"


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def _next_url(request: HttpRequest) -> str:
    home = resolve_url(settings.LOGIN_REDIRECT_URL)
    target = request.GET.get("next") or request.POST.get("next") or home
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return home


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _signed_in(request: HttpRequest, device: TOTPDevice) -> HttpResponse:
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once the second factor is proven
    return redirect(_next_url(request))


@never_cache
@login_required
def otp(request: HttpRequest) -> HttpResponse:
    """Verify a token each session; enrol a device first when an enrolment link allows it."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    form = TokenForm(request.POST or None)
    if device is None:
        return _enrol(request, form)
    allowed, _throttle = device.verify_is_allowed()
    if request.method == "POST" and form.is_valid():
        if not allowed:
            form.add_error("token", _("Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi."))
        elif device.verify_token(form.cleaned_data["token"]):
            return _signed_in(request, device)
        else:
            form.add_error("token", _("Kode salah atau sudah kedaluwarsa."))
    return render(request, "accounts/otp.html", {"form": form, "next": _next_url(request)})


LINK_REFUSED = {
    LinkState.UNKNOWN: _lazy(
        "Tautan pendaftaran ini tidak dikenal atau bukan untuk akun Anda. "
        "Mintalah tautan baru kepada administrator."
    ),
    LinkState.USED: _lazy(
        "Tautan pendaftaran ini sudah dipakai. Setiap tautan hanya berlaku sekali; "
        "mintalah tautan baru kepada administrator."
    ),
    LinkState.EXPIRED: _lazy(
        "Tautan pendaftaran ini sudah kedaluwarsa. Mintalah tautan baru kepada administrator."
    ),
}
NEEDS_LINK = _lazy(
    "Akun Anda belum memiliki perangkat autentikator. Untuk mendaftarkannya, mintalah tautan "
    "pendaftaran kepada administrator, lalu buka tautan itu setelah masuk dengan kata sandi."
)


@never_cache
@login_required
def enrol(request: HttpRequest, token: str) -> HttpResponse:
    """An enrolment link: checked, remembered in this session, then the enrolment page.

    The secret leaves the address bar at once (a redirect), so it is not kept in history.
    """
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (login_required)
    if has_totp_device(user):
        context = {"refused": _("Akun Anda sudah memiliki perangkat autentikator.")}
        return render(request, "accounts/otp.html", context, status=409)
    state, link = enrolment_link_find(token=token, user=user)
    if link is None:
        return render(request, "accounts/otp.html", {"refused": LINK_REFUSED[state]}, status=404)
    request.session[ENROLMENT_LINK] = link.pk
    return redirect("accounts:otp")


def _enrol(request: HttpRequest, form: TokenForm) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (login_required)
    link_id = request.session.get(ENROLMENT_LINK)
    if not enrolment_link_valid(link_id=link_id, user=user):
        return render(request, "accounts/otp.html", {"refused": NEEDS_LINK})
    seed = request.session.setdefault(ENROLMENT_SEED, random_hex(20))
    candidate = TOTPDevice(user=user, name="default", key=seed, confirmed=True)
    if request.method == "POST" and form.is_valid():
        totp = TOTP(candidate.bin_key, candidate.step, candidate.t0, candidate.digits)
        if not totp.verify(int(form.cleaned_data["token"]), tolerance=candidate.tolerance):
            form.add_error("token", _("Kode salah atau sudah kedaluwarsa."))
        else:
            outcome = totp_enrol(user=user, candidate=candidate, link_id=link_id)
            if outcome is Enrolment.DONE:
                del request.session[ENROLMENT_SEED]
                del request.session[ENROLMENT_LINK]
                return _signed_in(request, candidate)
            if outcome is Enrolment.NO_LINK:
                return render(request, "accounts/otp.html", {"refused": NEEDS_LINK}, status=403)
            form.add_error(
                "token",
                _(
                    "Perangkat autentikator akun ini sudah didaftarkan dari sesi lain. "
                    "Hubungi administrator bila itu bukan Anda."
                ),
            )
    context = {
        "form": form,
        "enrolling": True,
        "next": _next_url(request),
        # The SVG is generated by us from the seed's own URI; no user input reaches it.
        "qr_svg": mark_safe(_qr_svg(candidate.config_url)),  # noqa: S308
        "secret": candidate.config_url.split("secret=")[1].split("&")[0],
    }
    return render(request, "accounts/otp.html", context)
