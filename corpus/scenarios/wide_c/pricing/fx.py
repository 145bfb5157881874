"""FX quotes from the treasury service, memoised per currency pair with async-lru."""

from __future__ import annotations

from async_lru import alru_cache

RATES_SOURCE: dict[tuple[str, str], float] = {}


class TreasuryUnavailable(Exception):
    pass


@alru_cache(maxsize=64)
async def quote(base: str, quote_ccy: str) -> float:
    try:
        return RATES_SOURCE[(base, quote_ccy)]
    except KeyError as exc:
        raise TreasuryUnavailable(f"no rate for {base}/{quote_ccy}") from exc


async def convert(amount_cents: int, base: str, target: str) -> int:
    if base == target:
        return amount_cents
    rate = await quote(base, target)
    return round(amount_cents * rate)


async def convert_basket(lines: list[dict], target: str) -> int:
    return sum([await convert(line["amount"], line["currency"], target) for line in lines])
