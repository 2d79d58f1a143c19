"""Evaluations against labelled gold files (``patient-insights eval ...``)."""
