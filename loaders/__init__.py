"""loaders/: minutes in, graph out. The folders are the stages, in run order.

1. ``read/``: bytes to ``records.DocumentText``. Plain text is decoded here;
   HTML (``html``) and PDF (``pdf``) are parsed in a limited worker process
   (``worker``); ``manifest`` supplies body, date and URL the text lacks.
2. ``extract/``: one document's text to ``records.Extraction`` (the
   ``scrutiny.extraction/1`` JSON). ``segment`` (items, sentences, decision
   points) -> ``mentions`` (people, offices, bodies; ``lexicon`` data) ->
   ``names`` (people named without an honorific) -> ``clauses`` (subject and cue
   of each clause; ``cues`` holds the grammar, ``prechecks`` the literal stems that
   let a sentence skip a pattern, ``anchored`` finds phrases by their rare head
   words) -> ``events`` (questions, answers, commitments, over the shared state of
   ``raw``), with ``decisions`` (resolutions) and ``progress`` (status updates) ->
   ``reports`` (reports and findings; ``published`` reads their publication
   dates) -> ``document`` (entities with ids).
3. ``to_graph``: an Extraction to the neutral ``graph.model.Graph``.
4. ``pipeline``: the writer. It reads, extracts, builds and writes each
   document in one transaction, then asks ``link/`` to relink changed bodies.
5. ``link/``: across the meetings of one body. ``words`` weighs each content
   word by how telling it is in the body, ``topic`` reads what a commitment
   promised, ``later`` indexes the body's later text once by word, ``evidence``
   and ``match`` find what later meetings report delivered, ``status`` turns that
   into a status (deferrals, supersession) with ``due`` the one reader of due
   phrases on the body's calendar, ``responses`` finds a report's published
   response against its 56-day clock, ``people`` ties "Councillor Boyes" to the one
   person of the body it can be, ``holders`` resolves "the Commissioner" to the
   person holding the office on the date, and ``store`` is the one module of the
   linker that reads and writes the store.

``records`` (the stage contract), ``kinds`` (the closed vocabularies: commitment
and update statuses, event, entity and body kinds, the one panel test), ``keys``
(every natural key and id, and the one way a name is folded for a key) and
``dates`` are shared by every stage.
``moderngov/`` is a source: it fetches a council's pages to files for ``load``.
"""
