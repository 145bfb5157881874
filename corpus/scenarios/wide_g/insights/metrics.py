"""Offline evaluation of the recommendation and churn models, plus the payout report of the partner programme."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from torch import nn

CURRENCY_RATES = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17}


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T


def churn_f1(y_true, y_pred) -> float:
    return float(f1_score(y_true, y_pred))


def churn_auc(y_true, scores) -> float:
    return float(roc_auc_score(y_true, scores))


def train_churn(X, y) -> LogisticRegression:
    return LogisticRegression(max_iter=200).fit(X, y)


class Scorer(nn.Module):
    def __init__(self, n_items: int = 20, dim: int = 8) -> None:
        super().__init__()
        self.emb = nn.Embedding(n_items, dim)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(dim, 1)

    def forward(self, items: torch.Tensor) -> torch.Tensor:
        return self.out(self.drop(self.emb(items))).squeeze(-1)


def payout_eur(lines: list[dict]) -> float:
    return round(sum(line["amount"] * CURRENCY_RATES[line["currency"]] for line in lines), 2)


def order_total(order: dict) -> int:
    total = 0
    for item in order["items"]:
        total += item["price_cents"] * item["quantity"]
        total -= item["discount_cents"]
    return total


def load_thresholds(path: Path) -> dict:
    return json.loads(path.read_text())
