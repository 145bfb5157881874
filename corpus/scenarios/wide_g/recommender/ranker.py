"""Two-tower ranking model of the recommendation service and the code that loads its trained weights."""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

log = logging.getLogger(__name__)


@dataclass
class TrainingConfig:
    n_users: int
    n_items: int
    dim: int
    lr: float = 1e-3


class TwoTower(nn.Module):
    def __init__(self, n_users: int, n_items: int, dim: int = 16) -> None:
        super().__init__()
        self.user_emb = nn.Embedding(n_users, dim)
        self.item_emb = nn.Embedding(n_items, dim)
        self.head = nn.Linear(dim, 1)

    def forward(self, users: torch.Tensor, items: torch.Tensor) -> torch.Tensor:
        return self.head(self.user_emb(users) * self.item_emb(items)).squeeze(-1)


class ModelLoadError(RuntimeError):
    pass


def load_ranker(path: Path, n_users: int, n_items: int, dim: int = 16) -> TwoTower:
    model = TwoTower(n_users, n_items, dim)
    state = torch.load(path, map_location="cpu")
    model.load_state_dict(state)
    return model.eval()


def load_checkpoint(path: Path) -> dict:
    """A full training checkpoint: weights, optimizer state and the run's config."""
    return torch.load(path, map_location="cpu")


def load_scripted(path: Path) -> torch.jit.ScriptModule:
    return torch.jit.load(str(path), map_location="cpu")


def load_ranker_mmap(path: Path, n_users: int, n_items: int, dim: int = 16) -> TwoTower:
    model = TwoTower(n_users, n_items, dim)
    model.load_state_dict(torch.load(path, map_location="cpu", mmap=True))
    return model.eval()


def load_for_serving(path: Path, n_users: int, n_items: int) -> TwoTower:
    try:
        return load_ranker(path, n_users, n_items)
    except RuntimeError as exc:
        raise ModelLoadError(f"ranker weights at {path.name} do not fit the serving catalog") from exc


def wait_for_published(path: Path, poll: float = 0.05) -> Path:
    """The model-sync sidecar copies the nightly weights next to the service; wait until they are there."""
    while not path.exists():
        time.sleep(poll)
    return path


def embedding_table(vocab: int, dim: int) -> torch.Tensor:
    return torch.empty((vocab, dim), dtype=torch.float32)


class RankingService:
    def __init__(self, weights: Path, n_users: int, n_items: int) -> None:
        self.weights = weights
        self.n_users = n_users
        self.n_items = n_items
        self.model: TwoTower | None = None

    def warm_up(self) -> None:
        try:
            self.model = load_ranker(self.weights, self.n_users, self.n_items)
        except Exception:  # the service must come up even without a model; it falls back to popularity
            log.exception("ranker could not be loaded, serving popularity fallback")
            self.model = None

    async def warm_up_async(self) -> None:
        loop = asyncio.get_running_loop()
        self.model = await loop.run_in_executor(None, load_ranker, self.weights, self.n_users, self.n_items)

    def score(self, user: int, items: list[int]) -> list[float]:
        with torch.no_grad():
            return self.model(torch.tensor([user] * len(items)), torch.tensor(items)).tolist()


def fairseq_style_args(**kw) -> argparse.Namespace:
    return argparse.Namespace(**kw)
