"""Feature flags, loaded once per process."""

from __future__ import annotations

import threading


class Singleton(type):
    _instances: dict[type, object] = {}
    _lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        with cls._lock:
            if cls not in cls._instances:
                cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class FeatureFlags(metaclass=Singleton):
    def __init__(self, defaults: dict[str, bool] | None = None) -> None:
        self.flags = dict(defaults or {"one_click_checkout": False, "new_search": False})

    def enable(self, name: str) -> None:
        self.flags[name] = True

    def is_enabled(self, name: str) -> bool:
        return self.flags[name]


def checkout_steps(flags: FeatureFlags) -> list[str]:
    if flags.is_enabled("one_click_checkout"):
        return ["confirm"]
    return ["address", "shipping", "payment", "confirm"]
