"""Keep every model and data look-up on this machine.

Presidio's e-mail and URL recognizers call ``tldextract``, whose default
extractor downloads the public suffix list on first use. We swap in an
extractor that uses the snapshot bundled with the package, and tell the
Hugging Face libraries never to reach the hub.
"""
from __future__ import annotations

import logging
import os

_done = False


def configure_offline() -> None:
    global _done
    if _done:
        return
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ.setdefault(var, "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    # Presidio warns once per recognizer of another language it skips: noise, not news.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    import tldextract
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
    _done = True
