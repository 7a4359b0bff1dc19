"""Public report API: POST /api/v1/reports, status and messages by receipt."""

from ninja import Router

router = Router(tags=["reports"])
