from django.urls import path

from netral.stats import views

app_name = "stats"
urlpatterns = [
    path("", views.public_page, name="public"),
    path("dasbor/", views.dashboard_page, name="dashboard"),
]
