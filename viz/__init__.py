"""viz/: pyvis network views."""
