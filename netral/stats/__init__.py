"""Oversight in numbers: case facts, dashboards, public statistics and open data."""
