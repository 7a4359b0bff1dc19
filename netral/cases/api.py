"""Staff case API under /api/v1/cases (token authentication)."""

from ninja import Router

router = Router(tags=["cases"])
