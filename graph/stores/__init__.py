"""The stores: embedded FalkorDB (default) and Neo4j 5, behind ``base.Store``."""
