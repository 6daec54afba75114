"""graph/: the schema, the neutral graph model and the stores behind one interface."""
