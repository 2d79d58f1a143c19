"""Recognizers that Presidio lacks, one per module; see ``registry.py``."""
