"""The tenant's webhook settings and a session's webhook URL, at the gateway."""
