"""Settings: base, local (development and demo), production, test.

Everything secret or deployment-specific comes from the environment.
"""
