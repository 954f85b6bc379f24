"""Custom fields at the gateway: the tenant's saved field sets and the upload's fields."""
