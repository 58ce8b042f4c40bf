"""Stage 2, validation: a loaded `Document` becomes a `Plan`, or plain-language errors.

``document`` validates one document against the model and words each schema error for a
school leader (SIP1xx); ``check`` loads and validates files; ``plans`` is the one loop every
command uses to read plans (each a valid plan with its reference facts, or its diagnostics).
``schema`` and ``schema_text`` describe the format (JSON Schema, did-you-mean), ``scaffold``
writes the skeleton `sip init` starts from.
"""
