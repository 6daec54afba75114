"""Reading: a file (text, HTML, PDF) and its manifest metadata to a ``DocumentText``."""
