"""The pipeline's stages as plain functions over a private work folder.

Each stage reads the files of the stage before it and writes its own, and returns
a small summary (counts, timings): never any post text. Prefect tasks are thin
wrappers around these, so a notebook or a test can call them directly.
"""
