"""The HTTP API under /api/v1/, described at /api/v1/openapi.json.

Each app contributes a router; errors share one shape: {"code", "message", "detail"}.
"""
