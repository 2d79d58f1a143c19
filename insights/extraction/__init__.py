"""Medical information extraction from de-identified posts, on ONE shared spaCy parse.

Components (one module each): drug, symptom and condition recognizers, the assertion
classifier, treatment experiences and events, adverse-event candidates. Lexicons and cue
lists are data under ``insights/lexicons/``. Pure library: no I/O beyond packaged data.
"""
