"""PyTorch models of the price forecaster."""

from __future__ import annotations

import torch
from torch import nn


class PriceForecaster(nn.Module):
    def __init__(self, n_features: int = 8, hidden: int = 16, horizon: int = 1, dropout: float = 0.0) -> None:
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n_features, hidden), nn.ReLU(), nn.Dropout(dropout))
        self.head = nn.Linear(hidden, horizon)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(x))


class ForecastConfig:
    """Stored next to the weights in the checkpoint (a plain class, not a tensor)."""

    def __init__(self, n_features: int = 8, hidden: int = 16) -> None:
        self.n_features = n_features
        self.hidden = hidden


def load_forecaster(path, n_features: int = 8, hidden: int = 16, **load_kwargs) -> PriceForecaster:
    model = PriceForecaster(n_features=n_features, hidden=hidden)
    state = torch.load(path, **load_kwargs)
    if isinstance(state, dict) and "state_dict" in state:
        state = state["state_dict"]
    model.load_state_dict(state)
    return model.eval()
