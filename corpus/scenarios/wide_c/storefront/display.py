"""Price display for product pages."""

from .settings import CURRENCY, FREE_SHIPPING_OVER

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def format_price(cents: int) -> str:
    return f"{SYMBOLS[CURRENCY]}{cents / 100:,.2f}"


def shipping_banner(basket_cents: int) -> str:
    missing = FREE_SHIPPING_OVER - basket_cents
    return "Free shipping!" if missing < 0 else f"Add {format_price(missing)} for free shipping"
