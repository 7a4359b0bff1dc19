from django.urls import path

from netral.registry import staff, views
from netral.registry.feeds import InstrumentFeed

app_name = "registry"
urlpatterns = [
    path("", views.instrument_list, name="list"),
    path("feed.atom", InstrumentFeed(), name="feed"),
    path("cakupan/", views.coverage, name="coverage"),
    path("cakupan/<str:cycle_id>.csv", views.coverage_csv, name="coverage-csv"),
    path("cakupan/<str:cycle_id>/<str:code>/", views.coverage_province, name="coverage-province"),
    path("kelola/", staff.manage, name="manage"),
    path("kelola/<int:pk>/", staff.review, name="review"),
    path("kelola/<int:pk>/cabut/", staff.withdraw, name="withdraw"),
    path("<int:pk>/", views.instrument_detail, name="instrument"),
    path("<int:pk>/berkas/", views.instrument_file, name="file"),
]
