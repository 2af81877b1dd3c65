"""Wagtail's other name for `update_index`, moving the `search-index` version the same way."""

from .update_index import Command  # noqa: F401
