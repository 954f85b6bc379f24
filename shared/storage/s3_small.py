"""Whole small-object GETs and PUTs (and ranged GETs), signed and built by the `minio`
SDK's own parts.

The SDK's `get_object` and `put_object` wrap each request in layers a small whole object
does not need: a streamed response read back and released by hand, a reader for the body,
and on a missing key an XML error document parsed into an exception. When the domain
cache issued one or two such requests per row, those layers cost about a fifth of the
client's CPU per request (`bench/cache_costs.py`); its blocks, indexes and entry lines
(a ranged GET) are read and written here too. Here the SDK still builds the URL and
headers and signs them (`BaseURL.build`, `_build_headers`, `sign_v4_s3`); the request goes
to the connection pool the SDK would use, with the same retries, and the answer is read
whole: 2xx is the object, 404 is a missing key, anything else an S3 error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from minio import Minio
from minio.signer import sign_v4_s3

from shared.errors import NotFound, Retryable

_OK = (200, 204, 206)


def request(
    client: Minio,
    method: str,
    bucket: str,
    key: str,
    body: bytes | None = None,
    content_type: str | None = None,
    byte_range: tuple[int, int] | None = None,
) -> bytes:
    """Send one whole-object request (or, with `byte_range` (start, length), a read of
    those bytes); the answer's body. Blocking: run it on a thread."""
    # The SDK's private parts: pinned by the lock file, and covered by the storage tests.
    sdk = client
    region = sdk._get_region(bucket)
    creds = sdk._provider.retrieve() if sdk._provider else None
    url = sdk._base_url.build(method=method, region=region, bucket_name=bucket, object_name=key)
    extra: dict[str, str | list[str] | tuple[str]] = {}
    if content_type:
        extra["Content-Type"] = content_type
    if byte_range:
        start, length = byte_range
        extra["Range"] = f"bytes={start}-{start + length - 1}"
    headers, date = sdk._build_headers(url.netloc, extra or None, body, creds)
    if creds:
        headers = sign_v4_s3(
            method=method,
            url=url,
            region=region,
            headers=headers,
            credentials=creds,
            content_sha256=str(headers.get("x-amz-content-sha256")),
            date=date,
        )
    pool = sdk._http.connection_from_host(url.hostname or "", url.port, url.scheme)
    target = f"{url.path}?{url.query}" if url.query else url.path
    response = pool.urlopen(
        method,
        target,
        body=body,
        headers=cast(Mapping[str, str], headers),  # every value is one string here
        preload_content=True,
        redirect=False,
    )
    if response.status in _OK:
        return bytes(response.data)
    if response.status == 404:
        raise NotFound(f"{key} is missing")
    raise Retryable(f"storage error {_code(response.data) or response.status} on {method} {key}")


def _code(body: bytes) -> str:
    """The S3 error code of an error document (`<Error><Code>...</Code>`), or ''."""
    code = body.partition(b"<Code>")[2].partition(b"</Code>")[0]
    return code[:100].decode(errors="replace")
