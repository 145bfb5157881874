from django.urls import path

from . import views

urlpatterns = [
    path("quotes/<str:pair>", views.QuoteView.as_view()),
    path("pairs", views.pairs),
    path("convert", views.convert),
    path("exports", views.ExportView.as_view()),
]
