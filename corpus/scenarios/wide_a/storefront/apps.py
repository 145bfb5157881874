from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "wide_a.storefront"
    label = "storefront"
