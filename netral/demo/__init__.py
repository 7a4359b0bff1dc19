"""Demonstration data written for the project: fictional agencies, people and accounts."""
