"""Stage 4, rendering: a `Plan` becomes a view, then Markdown, HTML or Word through templates.

``view`` (with ``phase1``-``phase3``) builds the view model the templates read;
``environment`` is the sandboxed Jinja environment; ``run`` renders plans and writes the
files; ``docx_render`` and ``docx_progress`` fill Word templates; ``progress_view`` and
``charts`` make the progress report.
"""
