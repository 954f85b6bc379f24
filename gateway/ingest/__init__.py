"""Turning an uploaded spreadsheet into a stored session: stream, sniff, parse, write."""
