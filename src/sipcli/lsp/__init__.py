"""``sip lsp``: a Language Server Protocol server for plans, over standard input and output.

It turns LSP requests into calls of `sipcli.editing` (navigation, hover, completion, code
actions, the outline) and of the validate and lint core (diagnostics). ``convert`` moves
positions and values between sip's and the protocol's forms, ``documents`` keeps what is
known of each open plan (its last good parse), ``server`` holds the handlers. It needs
pygls, the ``lsp`` extra: ``pip install 'sipcli[lsp]'``.
"""
