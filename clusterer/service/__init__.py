"""The HTTP service: a thin FastAPI app over the library functions the CLI uses.

``clusterer.service.app`` builds the app (needs the ``service`` extra); ``clusterer.service.client`` is the small
httpx client behind ``cluster classify --server URL``; ``clusterer.service.server`` runs the app under uvicorn
for ``cluster serve``. Importing this package imports nothing heavy.
"""
