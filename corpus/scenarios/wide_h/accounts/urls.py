from django.urls import path

from .views import PasswordResetView, SignupView

urlpatterns = [
    path("signup", SignupView.as_view()),
    path("password-reset", PasswordResetView.as_view()),
]
