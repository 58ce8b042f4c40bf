"""Run sip as ``python -m sipcli``."""

from sipcli.cli import main

main()
