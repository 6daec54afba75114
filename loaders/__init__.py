"""loaders/: read minutes, segment, extract with provenance, resolve, link, build the graph."""
