"""Rendering: the plan as a view model, then through Jinja templates to Markdown, HTML and DOCX."""
