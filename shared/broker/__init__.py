"""The message broker: protocols, the RabbitMQ adapter and the in-memory twin.

Import the protocols from `shared.broker.protocol`; only composition roots and tests name
an adapter.
"""
