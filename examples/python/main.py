"""Synthesizes the Python Centricity PACS example: python main.py [output folder] (default cdktf.out)."""

import sys

from cdktf import App

from centricity_pacs_site import CentricityPacsSiteStack

app = App(outdir=sys.argv[1] if len(sys.argv) > 1 else "cdktf.out")
CentricityPacsSiteStack(app, "centricity-pacs")
app.synth()
