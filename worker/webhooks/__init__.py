"""Calling a session's webhook when it ends."""
