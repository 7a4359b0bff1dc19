"""Netral: supervising the political neutrality of Indonesian civil servants."""

__version__ = "0.1.0"
