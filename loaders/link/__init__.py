"""Linking across one body's meetings: evidence of delivery, statuses, office holders.

``words`` (content words and how telling each is in the body), ``topic`` (what a
commitment promised), ``later`` (the body's text indexed once by word) and
``evidence`` + ``match`` (what later text delivers it) -> ``status`` (status, due
date, deferral, supersession); ``holders`` (who held an office on a date).  All are
pure; ``store`` reads a body's facts and writes its derived links.
"""
