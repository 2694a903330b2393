"""The lite edition: the course in the browser (JupyterLite, Pyodide), with no server and no spaCy.

``newslab lite build --out site/`` parses the article once (:mod:`.precompute`), writes the lite
editions of the notebooks (:mod:`.editions`) and builds a JupyterLite site (:mod:`.site`) that a
static host such as GitHub Pages serves. In the lite kernel :func:`newslab.analyze` returns the
precomputed :class:`~newslab.precomputed.LiteDoc`; what lite cannot do raises
:class:`~newslab.errors.NotInLiteError` (see :data:`~newslab.precomputed.LITE_LIMITS`).
"""

from __future__ import annotations
