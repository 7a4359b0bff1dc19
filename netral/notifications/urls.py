from django.urls import path

from netral.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("dibaca/", views.read, name="read"),
    path("pengaturan/", views.preferences, name="preferences"),
]
