"""The three services as separate processes against real RabbitMQ and SeaweedFS."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.stack import Stack, normalize_stack


@pytest.fixture(scope="module")
async def stack(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """Gateway, notifier and one worker running the network-free `normalize` pipeline.

    Shared by the tests of a module: each test makes its own sessions.
    """
    logs = tmp_path_factory.mktemp("e2e-logs")
    async with normalize_stack(s3_endpoint, s3_bucket, rabbitmq, logs) as running:
        yield running
