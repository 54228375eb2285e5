"""Tests of zvdesk.sandbox, driven over real loopback HTTP with plain httpx."""
