from django.urls import path

from . import views

urlpatterns = [
    path("threads/<int:thread_id>/comments", views.post_comment),
    path("threads/<int:thread_id>/export", views.export_thread),
    path("search", views.search),
]
