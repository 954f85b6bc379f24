"""SeaweedFS started with the identities file compose writes: the services' key gets in,
no other key and no anonymous caller does."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest
from minio import Minio
from minio.error import S3Error

from tests.deploy.entrypoint_scripts import identities
from tests.services import free_port, wait_for_port, weed_binary

pytestmark = pytest.mark.integration

ACCESS_KEY = "dossier"
SECRET_KEY = uuid.uuid4().hex


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("seaweedfs-identities")
    made = identities(folder, ACCESS_KEY, SECRET_KEY)
    assert made.returncode == 0, made.stderr
    port = free_port()
    data = folder / "data"
    data.mkdir()
    with (folder / "weed.log").open("wb") as log:
        process = subprocess.Popen(
            [
                weed_binary(),
                "mini",
                f"-dir={data}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-s3.port={port}",
                f"-s3.config={folder / 's3.json'}",
                f"-master.port={free_port()}",
                f"-volume.port={free_port()}",
                f"-filer.port={free_port()}",
                *(
                    f"-{role}.port.grpc={free_port()}"
                    for role in ("s3", "master", "volume", "filer")
                ),
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                "-admin.ui=false",
                "-webdav=false",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for_port(port, 60, "SeaweedFS S3")
            yield f"127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


def client(endpoint: str, access_key: str | None, secret_key: str | None) -> Minio:
    return Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=False)


@pytest.fixture(scope="module")
def bucket(endpoint: str) -> str:
    """A bucket made with the services' key, once the filer behind the S3 port answers."""
    store = client(endpoint, ACCESS_KEY, SECRET_KEY)
    name = f"identities-{uuid.uuid4().hex[:8]}"
    deadline = time.monotonic() + 30
    while True:
        try:
            store.make_bucket(name)
            return name
        except S3Error:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_the_services_key_can_create_and_list_buckets(endpoint: str, bucket: str) -> None:
    store = client(endpoint, ACCESS_KEY, SECRET_KEY)
    assert bucket in {found.name for found in store.list_buckets()}


@pytest.mark.parametrize(
    ("access_key", "secret_key"),
    [(ACCESS_KEY, "not-the-secret"), ("someone-else", SECRET_KEY), (None, None)],
)
def test_other_keys_and_anonymous_callers_are_refused(
    endpoint: str, bucket: str, access_key: str | None, secret_key: str | None
) -> None:
    with pytest.raises(S3Error):
        client(endpoint, access_key, secret_key).list_buckets()
