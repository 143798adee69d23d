"""Minutebook: publish meeting minutes as a static, searchable archive."""

__version__ = "0.1.0"
