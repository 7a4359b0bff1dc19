from django.urls import path

from netral.intake import staff_views, views

app_name = "intake"
urlpatterns = [
    path("", views.report_form, name="form"),
    path("pratinjau/", views.report_preview, name="preview"),
    path("kirim/", views.report_confirm, name="confirm"),
    path("tanda-terima/", views.receipt_download, name="receipt-download"),
    path("status/masuk/", views.status_lookup, name="lookup"),
    path("status/", views.status, name="status"),
    path("status/bukti/", views.status_evidence, name="status-evidence"),
    path("status/keluar/", views.status_leave, name="status-leave"),
    path("petugas/", staff_views.report_list, name="staff-list"),
    path("petugas/<int:pk>/", staff_views.report_detail, name="staff-detail"),
    path("petugas/<int:pk>/balas/", staff_views.report_reply, name="staff-reply"),
    path(
        "petugas/<int:pk>/identitas/minta/",
        staff_views.identity_request,
        name="staff-identity-request",
    ),
    path("petugas/<int:pk>/identitas/", staff_views.identity_show, name="staff-identity"),
    path(
        "petugas/<int:pk>/bukti/<int:evidence_id>/<str:kind>/",
        staff_views.evidence_file,
        name="staff-evidence",
    ),
    path("penjaga-identitas/", staff_views.custodian_queue, name="custodian"),
    path(
        "penjaga-identitas/<int:pk>/putuskan/",
        staff_views.custodian_decide,
        name="custodian-decide",
    ),
]
