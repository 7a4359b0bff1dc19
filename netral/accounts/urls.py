from django.contrib.auth import views as auth_views
from django.urls import path

from netral.accounts import tokens, views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("dua-langkah/", views.otp, name="otp"),
    path("dua-langkah/daftar/<str:token>/", views.enrol, name="enrol"),
    path("token-api/", tokens.tokens, name="tokens"),
    path("token-api/<int:pk>/cabut/", tokens.token_revoke, name="token-revoke"),
]
