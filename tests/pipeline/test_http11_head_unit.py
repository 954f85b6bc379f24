"""Heads from lax servers: where they end, and what is tidied before llhttp reads them."""

from __future__ import annotations

import pytest

from worker.pipeline.clients.fetch.http11_head import head_end, tidy_head

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("data", "end"),
    [
        (b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody\n\nmore", 25),
        (b"HTTP/1.1 200 OK\nA: b\n\nbody\r\n\r\n", 22),
        (b"HTTP/1.1 200 OK\r\nA: b\r\n", -1),
        (b"HTTP/1.1 200 OK\r\nA: b\n\r\nbody", 24),
    ],
)
def test_a_head_ends_at_its_first_empty_line(data: bytes, end: int) -> None:
    assert head_end(data) == end


def test_an_ordinary_head_is_left_as_sent() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-Content-Length: 9\r\n\r\n"
    assert tidy_head(head) is head


def test_a_length_given_three_ways_with_one_value_is_given_once() -> None:
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nServer: x\r\n"
        b"CONTENT-LENGTH :12, 12\r\ncontent-length: 12\r\n\r\n"
    )
    assert tidy_head(head) == b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nServer: x\r\n\r\n"


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Length: 13\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 12, 13\r\n\r\n",
    ],
)
def test_lengths_that_differ_are_left_for_the_parser_to_refuse(head: bytes) -> None:
    assert tidy_head(head) == head


def test_a_folded_value_is_joined_with_one_space() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n \t charset=utf-8\r\nA: b\r\n\r\n"
    assert tidy_head(head) == (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nA: b\r\n\r\n"
    )
