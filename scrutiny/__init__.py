"""scrutiny: minutes of UK police governance meetings as a graph of accountability."""

__version__ = "0.1.0"
