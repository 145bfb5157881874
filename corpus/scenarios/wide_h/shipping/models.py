from django.db import models


class Parcel(models.Model):
    tracking_code = models.CharField(max_length=32, unique=True)
    status = models.CharField(max_length=16, default="created")
    weight_grams = models.IntegerField(default=0)

    class Meta:
        app_label = "shipping"


class Route(models.Model):
    name = models.CharField(max_length=32, unique=True)
    capacity = models.IntegerField(default=10)

    class Meta:
        app_label = "shipping"
