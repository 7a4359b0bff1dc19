from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from netral.api.errors import ApiError, error_body

api = NinjaAPI(
    title="Netral API",
    version="1",
    description="Pelaporan dan penanganan pelanggaran netralitas ASN.",
    urls_namespace="api",
)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return api.create_response(
        request, error_body(exc.code, exc.message, exc.detail), status=exc.status
    )


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    body = error_body("invalid", "Data yang dikirim tidak valid.", exc.errors)
    return api.create_response(request, body, status=422)


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, error_body("unauthenticated", "Perlu autentikasi."), status=401
    )


def _register_routers() -> None:
    # Imported here so each app's router module can import `api` helpers freely.
    from netral.cases.api import router as cases_router
    from netral.guide.api import router as guide_router
    from netral.intake.api import router as intake_router
    from netral.registry.api import router as registry_router
    from netral.stats.api import router as stats_router

    api.add_router("/reports", intake_router)
    api.add_router("/cases", cases_router)
    api.add_router("/self-check", guide_router)
    api.add_router("/instruments", registry_router)
    api.add_router("/statistics", stats_router)


_register_routers()
