"""Tests of upload parsing."""
