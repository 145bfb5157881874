"""Real-time price feed of the backend: subscription protocol over WebSocket."""
