from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=100)
    price_cents = models.IntegerField()

    class Meta:
        app_label = "storefront"


class Wallet(models.Model):
    owner = models.CharField(max_length=50)
    balance = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        app_label = "storefront"
        db_table = "wallets"
        managed = False
