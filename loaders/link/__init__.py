"""Linking across one body's meetings: evidence of delivery, statuses, office holders, clocks.

``words`` (content words and how telling each is in the body), ``topic`` (what a
commitment promised), ``later`` (the body's text indexed once by word) and
``evidence`` + ``match`` (what later text delivers it) -> ``status`` (status,
deferral, supersession) with ``due`` (the one reader of due phrases as dates on the
body's calendar); ``people`` (same-surname people told apart, a bare surname joined
to the one person it can be) and ``holders`` (who held an office on a date);
``responses`` (the PCC's published response to an inspection, for the 56-day
clock).  All are pure; ``store`` reads a body's facts and writes its derived links.
"""
