from django.urls import path

from netral.pledges import views

app_name = "pledges"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("baru/", views.event_new, name="event-new"),
    path("<int:pk>/", views.event_detail, name="event"),
]
