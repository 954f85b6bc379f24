"""Object storage: the `ObjectStore` protocol, its S3 adapter and its in-memory twin.

Import the protocol from `shared.storage.protocol`; only composition roots and tests name
an adapter.
"""
