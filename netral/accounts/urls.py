from django.contrib.auth import views as auth_views
from django.urls import path

from netral.accounts import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("dua-langkah/", views.otp, name="otp"),
]
