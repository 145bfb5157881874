"""Account endpoints of the customer portal (DRF): sign-up and password reset, throttled per scope."""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.views import APIView


class SignupView(APIView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "signup"

    def post(self, request):
        return Response({"email": request.data["email"], "state": "pending-verification"}, status=status.HTTP_201_CREATED)


class PasswordResetThrottle(AnonRateThrottle):
    scope = "password_reset"


class PasswordResetView(APIView):
    throttle_classes = [PasswordResetThrottle]

    def post(self, request):
        return Response({"sent": True})
