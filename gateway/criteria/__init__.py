"""A tenant's criteria files: reading an upload, storing them, and choosing them for a
session."""
