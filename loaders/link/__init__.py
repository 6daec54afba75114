"""Linking across one body's meetings: evidence of delivery, statuses, office holders.

``evidence`` (what a later meeting says about a commitment) -> ``status``
(status, due date, supersession) and ``holders`` (who held an office on a
date) are pure; ``store`` reads a body's facts and writes its derived links.
"""
