"""The API reference page: Swagger UI from the npm package, for signed-in staff only.

ninja's own viewer loads its files from a CDN or from its package with an inline script;
both break the site's CSP. This page is a template of ours with the viewer's files served
as static files and a script file that reads the document's address from the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from ninja.openapi.docs import DocsBase

from netral.accounts.middleware import two_factor_exempt

if TYPE_CHECKING:
    from ninja import NinjaAPI


class StaffSwagger(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (user.is_verified() or two_factor_exempt(user)):  # type: ignore[attr-defined]
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:otp')}?{query}")
        context = {"openapi_url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html", context)
