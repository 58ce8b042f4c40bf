"""`sip serve`: a live preview of one plan in the browser, on the loopback interface only.

``site`` reads, checks and renders the plan (the same validate, lint and HTML render the
commands run) and keeps the last good page of each report; ``page`` adds the findings panel,
the banner and the reload script to a rendered page; ``anchors`` links a finding to its place
in the page; ``server`` is the stdlib HTTP server and the file watcher. Nothing here prints:
the server's log lines go to a callback the command supplies.
"""
