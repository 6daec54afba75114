"""api/: the read-only HTTP API."""
