"""Bringing a newsroom's archive over from the system it runs today (WordPress first)."""
