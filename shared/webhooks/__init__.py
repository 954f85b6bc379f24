"""Webhooks: a URL called when a session ends, signed with the tenant's secret."""
