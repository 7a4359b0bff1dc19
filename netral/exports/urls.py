from django.urls import path

from netral.exports import views

app_name = "exports"
urlpatterns = [
    path("antrean.<str:fmt>", views.queue, name="queue"),
    path("kasus/<int:pk>.<str:fmt>", views.case_file, name="case"),
    path("kepatuhan.<str:fmt>", views.compliance, name="compliance"),
]
