"""Insights from de-identified posts: topics and unmet needs (pure library: no Prefect, no file I/O)."""
