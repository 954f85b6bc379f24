"""Single-company enrichment at the gateway: the request/reply client and the limits."""
