from django.contrib import admin
from django.urls import include, path
from django.views.generic.base import RedirectView

from netral.api.root import api

urlpatterns = [
    path("", include("netral.web.urls")),
    path("lapor/", include("netral.intake.urls")),
    path("kasus/", include("netral.cases.urls")),
    path("aturan/", include("netral.guide.urls")),
    path("edaran/", include("netral.registry.urls")),
    path("ikrar/", include("netral.pledges.urls")),
    path("statistik/", include("netral.stats.urls")),
    path("data/", include("netral.stats.data_urls")),
    path("ekspor/", include("netral.exports.urls")),
    path("akun/", include("netral.accounts.urls")),
    path("pemberitahuan/", include("netral.notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url="/static/netral/favicon.svg", permanent=True)),
]
