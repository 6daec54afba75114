"""Extraction: one ``DocumentText`` to one ``Extraction``; pure, no store, no network.

Run order: ``segment`` -> ``mentions`` and ``names`` -> ``clauses`` -> ``events``
(with ``decisions`` and ``progress``) -> ``reports`` (``published`` for dates) ->
``document`` (which calls the others and builds entities).
A new phrasing of a question, answer or commitment is a change to ``cues``
(the grammar) or ``clauses`` (who its subject is); a new office or body is a
line in ``lexicons/``.
"""
