from django.urls import path

from netral.guide import views

app_name = "guide"
urlpatterns = [
    path("", views.index, name="index"),
    path("cek/", views.selfcheck, name="selfcheck"),
    path("jadwal/", views.timetable, name="timetable"),
    path("hari-kerja/", views.calendar, name="calendar"),
    path("<slug:slug>/", views.conduct, name="conduct"),
]
