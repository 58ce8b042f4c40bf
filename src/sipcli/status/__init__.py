"""Where a plan in progress stands: DESE's stages in order, done, in progress or not started.

``view`` reads a plan as far as it goes (`sipcli.validate.draft`), takes each stage's state
as far as the format can tell (`sipcli.validate.stages`), runs lint's rules on what can be
read, and says for each stage what it still lacks and what to do next. `sip status` shows
it; `sip report` takes its stage states for each school of a district. It sits above
``lint`` because it runs the rules, and never prints.
"""
