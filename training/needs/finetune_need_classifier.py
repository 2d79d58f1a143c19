"""Fine-tune all-MiniLM-L6-v2 as the unmet-need sentence classifier (issue 5, sixteenth round: a candidate, not shipped).

    PYTHONPATH=. .venv/bin/python training/needs/finetune_need_classifier.py select --out DIR
    PYTHONPATH=. .venv/bin/python training/needs/finetune_need_classifier.py final --epochs N --thresholds DIR/select.json --out FILE

The opt-in classifier v9 is a logistic regression per category on TF-IDF and the *frozen* MiniLM sentence
embedding. This trains the encoder itself: low-rank adapters (rank ``RANK``) beside every linear layer of the six
encoder layers (query, key, value, attention output, intermediate, output; the pip-packaged weights stay frozen),
and a linear head on the mean-pooled last hidden state, one sigmoid per category (binary cross-entropy). Only the
adapters and the head are saved (float16, ``insights.need_finetuned``); at load time each adapter is merged
into its layer's weight, so scoring costs one ordinary MiniLM pass per sentence, as v9's embedding does.

Data: exactly v9's training files (``TRAINING_FILES`` + ``CLASSIFIER_ADDED`` of ``train_need_classifier.py``:
dev + test and held-out 1-17), our own gold only; HO18-HO21 are never read. ``select`` trains on those files
without HO15-HO17 (the validation sets), scores the validation sentences after every epoch, and chooses the epoch
(highest mean average precision over categories) and, at that epoch, per-category thresholds by v9's ``precise``
rule (the lowest grid threshold whose validation precision reaches 0.85; none: the category is left to the rules).
``final`` trains on all of v9's files for that many epochs and writes the resource with those thresholds.
Seeded; about 1-2 min an epoch on 2 CPU cores. The candidate it built (5 epochs) was not shipped: below v9 on
HO19-HO21 and on real posts (docs/unmet_needs.md, sixteenth round).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_need_classifier import (  # noqa: E402
    CLASSIFIER_ADDED,
    VETO,
    choose_thresholds,
    load_training,
)

from insights.need_finetuned import (  # noqa: E402
    ADAPTED,
    ALPHA,
    RANK,
    FineTunedNeedClassifier,
    clean,
    load_base,
    mean_pooled,
    save_resource,
)

VALIDATION = ("data/gold/needs_roles_heldout15.jsonl", "data/gold/needs_roles_heldout16.jsonl",
              "data/gold/needs_roles_heldout17.jsonl")
VERSION = "10.0.0-ft"
SEED = 16
BATCH = 32
LR_ADAPTER = 5e-4
LR_HEAD = 2e-3
MAX_EPOCHS = 6
POS_WEIGHT = 3.0


def _lora(model, torch):
    """Adapters beside every adapted linear layer (forward hooks add ``dropout(x) @ A.T @ B.T * scale``);
    returns {name: (A, B)}, the trainable parameters. B starts at zero, so training starts from the packaged encoder."""
    from torch import nn

    adapters = {}
    scale = ALPHA / RANK
    gen = torch.Generator().manual_seed(SEED)
    for name, module in model.named_modules():
        if isinstance(module, nn.Linear) and name.endswith(ADAPTED):
            a = nn.Parameter(torch.randn(RANK, module.in_features, generator=gen) / np.sqrt(module.in_features))
            b = nn.Parameter(torch.zeros(module.out_features, RANK))
            adapters[name] = (a, b)

            def hook(mod, inputs, output, a=a, b=b):
                return output + (mod.lora_dropout(inputs[0]) @ a.t() @ b.t()) * scale

            module.lora_dropout = nn.Dropout(0.1)
            module.register_forward_hook(hook)
    return adapters


def _mean_ap(probs: np.ndarray, y: np.ndarray) -> float:
    """Mean over categories of the average precision of the validation probabilities."""
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, probs, average="macro"))


def train(texts: list[str], y: np.ndarray, epochs: int, val: tuple[list[str], np.ndarray] | None = None,
          log=print) -> tuple[dict, list[np.ndarray]]:
    """Adapters and head after ``epochs`` epochs; with ``val``, the validation probabilities after each epoch."""
    import torch
    from torch import nn

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    tokenizer, model = load_base()
    for p in model.parameters():
        p.requires_grad_(False)
    adapters = _lora(model, torch)
    head = nn.Linear(model.config.hidden_size, y.shape[1])
    params = [{"params": [p for ab in adapters.values() for p in ab], "lr": LR_ADAPTER},
              {"params": head.parameters(), "lr": LR_HEAD}]
    optimizer = torch.optim.AdamW(params, weight_decay=0.01)
    steps = epochs * int(np.ceil(len(texts) / BATCH))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, 1 - s / steps))
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.full((y.shape[1],), POS_WEIGHT))
    target = torch.tensor(y, dtype=torch.float32)
    cleaned = [clean(t) for t in texts]
    rng = np.random.default_rng(SEED)
    history = []
    for epoch in range(epochs):
        model.train()
        start, total = time.time(), 0.0
        for batch in np.array_split(rng.permutation(len(texts)), int(np.ceil(len(texts) / BATCH))):
            pooled = mean_pooled(tokenizer, model, [cleaned[i] for i in batch])
            loss = loss_fn(head(nn.functional.dropout(pooled, 0.1, training=True)), target[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += float(loss.detach()) * len(batch)
        line = f"epoch {epoch + 1}: loss {total / len(texts):.4f}, {time.time() - start:.0f} s"
        if val is not None:
            state = _state(adapters, head)
            probs = FineTunedNeedClassifier.build(state, categories=tuple(str(j) for j in range(y.shape[1])),
                                                  thresholds=np.ones(y.shape[1]), meta={}, base=(tokenizer, _unhooked(model)),
                                                  ).probabilities(val[0])
            history.append(probs)
            line += f"; validation mean AP {_mean_ap(probs, val[1]):.4f}"
        log(line)
    return _state(adapters, head), history


def _unhooked(model):
    """A frozen copy of the base model without the training hooks (merging happens in ``build``)."""
    import copy

    clone = copy.deepcopy(model)
    for module in clone.modules():
        module._forward_hooks.clear()
    clone.eval()
    return clone


def _state(adapters: dict, head) -> dict:
    out = {"head.weight": head.weight.detach().clone(), "head.bias": head.bias.detach().clone()}
    for name, (a, b) in adapters.items():
        out[f"{name}.lora_a"] = a.detach().clone()
        out[f"{name}.lora_b"] = b.detach().clone()
    return out


def choose(out: Path, categories: list[str]) -> dict:
    """From ``select``'s validation probabilities (``out/validation_probs.npz``): the epoch with the highest mean
    average precision and, at that epoch, the thresholds of both operating points by v9's rules (``precise``: the
    lowest grid threshold whose validation precision reaches 0.85; ``balanced``: the best F1). Writes select.json."""
    with np.load(out / "validation_probs.npz") as npz:
        history, y = npz["probs"], npz["y"]
    aps = [_mean_ap(p, y) for p in history]
    best = int(np.argmax(aps))
    points, report = choose_thresholds(history[best][None], y, categories)
    result = {"epochs": best + 1, "mean_ap_per_epoch": [round(a, 4) for a in aps],
              "thresholds": {k: v.tolist() for k, v in points.items()}, "validation_figures": report,
              "validation": list(VALIDATION), "validation_sentences": int(y.shape[0])}
    (out / "select.json").write_text(json.dumps(result, indent=2))
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    sel = sub.add_parser("select")
    sel.add_argument("--out", type=Path, required=True)
    sel.add_argument("--epochs", type=int, default=MAX_EPOCHS)
    cho = sub.add_parser("choose", help="re-derive select.json from select's validation_probs.npz")
    cho.add_argument("--out", type=Path, required=True)
    fin = sub.add_parser("final")
    fin.add_argument("--epochs", type=int, required=True)
    fin.add_argument("--thresholds", type=Path, required=True, help="select's select.json")
    fin.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    texts, y, categories, digests, groups = load_training(ROOT, add=CLASSIFIER_ADDED)
    names = list(digests)
    if args.mode == "select":
        is_val = np.isin(groups, [names.index(v) for v in VALIDATION])
        tr = [t for t, v in zip(texts, is_val) if not v]
        va = [t for t, v in zip(texts, is_val) if v]
        _, history = train(tr, y[~is_val], args.epochs, val=(va, y[is_val]))
        args.out.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(args.out / "validation_probs.npz", probs=np.stack(history), y=y[is_val])
        print(json.dumps(choose(args.out, categories), indent=2))
    elif args.mode == "choose":
        print(json.dumps(choose(args.out, categories), indent=2))
    else:
        chosen = json.loads(args.thresholds.read_text())
        state, _ = train(texts, y, args.epochs)
        meta = {"version": VERSION, "training_files": digests, "sentences": len(texts), "epochs": args.epochs,
                "rank": RANK, "alpha": ALPHA, "seed": SEED, "batch": BATCH, "lr_adapter": LR_ADAPTER, "lr_head": LR_HEAD,
                "pos_weight": POS_WEIGHT, "thresholds_from": chosen["validation"], "validation_figures": chosen["validation_figures"],
                "select_sha256": hashlib.sha256(args.thresholds.read_bytes()).hexdigest()}
        points = {k: np.array(v, dtype=np.float32) for k, v in chosen["thresholds"].items()}
        save_resource(args.out, state, categories, points, meta, veto=VETO)
        print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
