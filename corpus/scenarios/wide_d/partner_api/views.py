"""Partner-facing quote API (Django REST framework); partners are throttled per the contract's tier."""

from __future__ import annotations

from rest_framework import status
from rest_framework.decorators import api_view, throttle_classes
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.views import APIView

RATES = {"EURUSD": "1.0842", "GBPUSD": "1.2710", "USDJPY": "151.20"}


class QuoteView(APIView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "quotes"

    def get(self, request, pair):
        if pair not in RATES:
            raise NotFound(f"unknown pair {pair}")
        return Response({"pair": pair, "rate": RATES[pair]})


@api_view(["GET"])
@throttle_classes([AnonRateThrottle])
def pairs(request):
    return Response(sorted(RATES))


@api_view(["POST"])
def convert(request):
    amount = request.data["amount"]
    rate = float(RATES[request.data["pair"]])
    return Response({"converted": round(float(amount) * rate, 2)})


class ExportThrottle(ScopedRateThrottle):
    scope_attr = "throttle_scope"


def check_export_allowance(request, view) -> None:
    """Bulk exports are metered separately from the API calls; called by the nightly export job."""
    throttle = ExportThrottle()
    if not throttle.allow_request(request, view):
        raise Throttled(wait=throttle.wait())


class ExportView(APIView):
    throttle_classes = []
    throttle_scope = "exports"

    def get(self, request):
        check_export_allowance(request, self)
        return Response({"rows": len(RATES)}, status=status.HTTP_200_OK)
