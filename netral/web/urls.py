from django.urls import path

from netral.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("beranda/", views.staff_home_page, name="staff-home"),
    path("healthz", views.healthz, name="healthz"),
]
