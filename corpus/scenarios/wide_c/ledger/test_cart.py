import pytest

from .cart import Cart


@pytest.fixture
def cart():
    return Cart("ada@example.com")


def test_add_keyboard(cart):
    cart.add("KB-101", 1, 4999)
    assert cart.total() == 4999


def test_welcome_coupon(cart):
    cart.apply("WELCOME10", 10)
    assert cart.coupons == {"WELCOME10": 10}


@pytest.mark.failure(category="4", library="attrs", shape="assert", cause="mutable-attr-default-shared-between-instances")
def test_new_cart_is_empty(cart):
    assert cart.lines == []


@pytest.mark.failure(category="4", library="attrs", shape="assert", cause="mutable-attr-default-shared-between-instances")
def test_two_mice_total(cart):
    cart.add("MS-220", 2, 1999)
    assert cart.total() == 3998


@pytest.mark.failure(category="other", library="attrs", shape="assert", cause="positional-arguments-swapped")
def test_cart_line_for_gift_card():
    gift = Cart("grace@example.com", lines=[])
    gift.add("GIFT-50", 5000)
    assert gift.total() == 5000
