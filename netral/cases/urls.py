from django.urls import path

from netral.cases.views import case, follow_up, merge, queue, recommendation, screening, subject

app_name = "cases"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("massal/", queue.bulk, name="bulk"),
    path("pencarian/", queue.search_save, name="search-save"),
    path("pencarian/<int:pk>/hapus/", queue.search_delete, name="search-delete"),
    path("kepatuhan/", follow_up.compliance, name="compliance"),
    path("penyaringan/impor/", screening.upload, name="screening-upload"),
    path("<int:pk>/", case.detail, name="detail"),
    path("<int:pk>/tindakan/", case.transition, name="transition"),
    path("<int:pk>/fakta/", case.facts, name="facts"),
    path("<int:pk>/kunci/", case.lock, name="lock"),
    path("<int:pk>/lepas/", case.unlock, name="unlock"),
    path("<int:pk>/terlapor/", subject.search, name="subject"),
    path("<int:pk>/terlapor/tautkan/", subject.link, name="subject-link"),
    path("<int:pk>/terlapor/tidak-ditemukan/", subject.not_found, name="subject-not-found"),
    path("<int:pk>/duplikat/", merge.duplicates, name="duplicates"),
    path("<int:pk>/gabung/", merge.merge, name="merge"),
    path("<int:pk>/rekomendasi/", recommendation.page, name="recommendation"),
    path("<int:pk>/rekomendasi/tandatangani/", recommendation.sign, name="sign"),
    path("<int:pk>/rekomendasi/surat.pdf", recommendation.letter, name="letter"),
    path("<int:pk>/sanksi/", follow_up.sanction, name="sanction"),
    path("<int:pk>/teguran/", follow_up.warning, name="warning"),
    path("<int:pk>/blokir-data/", follow_up.blocking, name="blocking"),
]
