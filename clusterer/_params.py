"""scikit-learn's estimator conventions without importing scikit-learn on the inference path.

``cluster classify`` must start in about a second; importing scikit-learn alone costs most of that. The estimators
here follow sklearn's contract (``__init__`` stores its arguments, ``get_params``/``set_params``, fitted attributes
end in ``_``), which is all ``clone``, ``Pipeline`` and ``GridSearchCV`` need, and import sklearn only to fit.
"""

from __future__ import annotations

import inspect
from typing import Any


class NotFittedError(ValueError, AttributeError):
    """Raised when an estimator is used before ``fit`` (same bases as scikit-learn's)."""


class ParamsMixin:
    """``get_params``/``set_params`` from the ``__init__`` signature, as scikit-learn's ``BaseEstimator``."""

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return sorted(p for p in sig.parameters if p != "self")

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters and their values."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> Any:
        """Set constructor parameters; returns ``self``."""
        valid = set(self._param_names())
        for key, value in params.items():
            if key not in valid:
                raise ValueError(f"invalid parameter {key!r} for {type(self).__name__}")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


def check_is_fitted(estimator: object, attribute: str) -> None:
    """Raise :class:`NotFittedError` unless ``estimator`` has the fitted ``attribute``."""
    if not hasattr(estimator, attribute):
        raise NotFittedError(
            f"This {type(estimator).__name__} instance is not fitted yet. Call 'fit' with appropriate arguments "
            "before using this estimator."
        )
