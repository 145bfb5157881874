C = "2"
W = "websockets/exceptions.py"
m(C, "websockets", W, 'return "no close frame received or sent"', "websockets.exceptions.ConnectionClosedError",
  "no close frame received or sent", "no-close-frame", "connection-dropped")
m(C, "websockets", W, 'return f"sent {self.sent}; no close frame received"', "websockets.exceptions.ConnectionClosedError",
  "sent 1011 (internal error) keepalive ping timeout; no close frame received", "keepalive-ping-timeout", "keepalive-timeout")
m(C, "websockets", W, 'return f"received {self.rcvd}; no close frame sent"', "websockets.exceptions.ConnectionClosedError",
  "received 1011 (internal error); no close frame sent", "received-1011", "server-side-error-close")
m(C, "websockets", W, 'return f"received {self.rcvd}; then sent {self.sent}"', "websockets.exceptions.ConnectionClosedOK",
  "received 1000 (OK); then sent 1000 (OK)", "closed-ok-received", "connection-closed-before-read")
m(C, "websockets", W, 'return f"sent {self.sent}; then received {self.rcvd}"', "websockets.exceptions.ConnectionClosedOK",
  "sent 1001 (going away); then received 1001 (going away)", "closed-ok-going-away", "connection-closed-before-read")
m(C, "websockets", W, 'f"server rejected WebSocket connection: HTTP {self.response.status_code:d}"', "websockets.exceptions.InvalidStatus",
  "server rejected WebSocket connection: HTTP 403", "invalid-status", "handshake-rejected")
m(C, "websockets", W, 'return f"missing {self.name} header"', "websockets.exceptions.InvalidHeader",
  "missing Sec-WebSocket-Accept header", "missing-accept-header", "handshake-rejected")
m(C, "websockets", W, 'return f"invalid {self.name} header: {self.value}"', "websockets.exceptions.InvalidHeader",
  "invalid Sec-WebSocket-Accept header: multiple values", "invalid-accept-header", "handshake-rejected")
m(C, "websockets", "websockets/asyncio/client.py", 'raise TimeoutError("timed out during opening handshake") from exc', "TimeoutError",
  "timed out during opening handshake", "opening-handshake-timeout", "handshake-timeout")
m(C, "websockets", "websockets/client.py", '"did not receive a valid HTTP response"', "websockets.exceptions.InvalidMessage",
  "did not receive a valid HTTP response", "invalid-http-response", "handshake-rejected")
m(C, "websockets", "websockets/asyncio/connection.py", '"cannot call recv while another coroutine "', "websockets.exceptions.ConcurrencyError",
  "cannot call recv while another coroutine is already running recv or recv_streaming", "concurrent-recv", "concurrent-recv")
m(C, "websockets", "websockets/asyncio/connection.py", 'TimeoutError("timed out while closing connection")', "TimeoutError",
  "timed out while closing connection", "close-timeout", "close-handshake-timeout")
m(C, "websockets", "websockets/sync/client.py", 'raise TimeoutError("timed out while waiting for handshake response")', "TimeoutError",
  "timed out while waiting for handshake response", "sync-handshake-timeout", "handshake-timeout")
m(C, "websockets", "websockets/asyncio/connection.py", 'raise ConcurrencyError("already waiting for a pong with the same data")', "websockets.exceptions.ConcurrencyError",
  "already waiting for a pong with the same data", "pong-already-waiting", "keepalive-timeout")
S = "websocket/_socket.py"
m(C, "websocket", S, 'raise WebSocketConnectionClosedException("Connection to remote host was lost.")', "websocket._exceptions.WebSocketConnectionClosedException",
  "Connection to remote host was lost.", "remote-host-lost", "connection-dropped")
m(C, "websocket", S, 'raise WebSocketConnectionClosedException("socket is already closed.")', "websocket._exceptions.WebSocketConnectionClosedException",
  "socket is already closed.", "socket-already-closed", "connection-closed-before-read")
m(C, "websocket", S, 'raise WebSocketTimeoutException("Connection timed out waiting for data")', "websocket._exceptions.WebSocketTimeoutException",
  "Connection timed out waiting for data", "timeout-waiting-for-data", "message-latency-timeout")
m(C, "websocket", S, 'raise WebSocketTimeoutException("Connection timed out")', "websocket._exceptions.WebSocketTimeoutException",
  "Connection timed out", "connection-timed-out", "message-latency-timeout")
m(C, "websocket", "websocket/_app.py", 'raise WebSocketConnectionClosedException("Connection is already closed.")', "websocket._exceptions.WebSocketConnectionClosedException",
  "Connection is already closed.", "app-already-closed", "connection-closed-before-read")
m(C, "websocket", "websocket/_handshake.py", 'f"Handshake status {status} {status_message} -+-+- {resp_headers} -+-+- {response_body.decode(\'utf-8\', errors=\'replace\') if response_body else None}",', "websocket._exceptions.WebSocketBadStatusException",
  "Handshake status 403 Forbidden -+-+- {'content-type': 'text/plain', 'content-length': '9'} -+-+- Forbidden", "bad-handshake-status", "handshake-rejected", check=False)
m(C, "websocket", "websocket/_abnf.py", 'raise WebSocketProtocolException("Invalid close frame.")', "websocket._exceptions.WebSocketProtocolException",
  "Invalid close frame.", "invalid-close-frame", "protocol-error")
A = "aiohttp/client.py"
m(C, "aiohttp", A, 'message="Invalid response status",', "aiohttp.client_exceptions.WSServerHandshakeError",
  "403, message='Invalid response status', url='ws://127.0.0.1:8080/ws'", "invalid-response-status", "handshake-rejected")
m(C, "aiohttp", A, 'message="Invalid upgrade header",', "aiohttp.client_exceptions.WSServerHandshakeError",
  "101, message='Invalid upgrade header', url='ws://127.0.0.1:8080/ws'", "invalid-upgrade-header", "handshake-rejected")
m(C, "aiohttp", A, 'message="Invalid challenge response",', "aiohttp.client_exceptions.WSServerHandshakeError",
  "101, message='Invalid challenge response', url='ws://127.0.0.1:8080/ws'", "invalid-challenge", "handshake-rejected")
m(C, "aiohttp", "aiohttp/_websocket/writer.py", 'raise ClientConnectionResetError("Cannot write to closing transport")', "aiohttp.client_exceptions.ClientConnectionResetError",
  "Cannot write to closing transport", "write-closing-transport", "send-after-close")
m(C, "aiohttp", "aiohttp/web_ws.py", 'raise RuntimeError("WebSocket connection is closed.")', "RuntimeError",
  "WebSocket connection is closed.", "ws-connection-closed", "connection-closed-before-read")
m(C, "aiohttp", "aiohttp/client_ws.py", 'raise RuntimeError("Concurrent call to receive() is not allowed")', "RuntimeError",
  "Concurrent call to receive() is not allowed", "concurrent-receive", "concurrent-recv")
m(C, "aiohttp", "aiohttp/web_ws.py", 'raise ConnectionResetError("Connection lost")', "ConnectionResetError",
  "Connection lost", "server-connection-lost", "connection-dropped")
ST = "starlette/websockets.py"
m(C, "starlette", ST, 'raise WebSocketDisconnected(\'Cannot call "receive" once a disconnect message has been received.\')', "RuntimeError",
  'Cannot call "receive" once a disconnect message has been received.', "receive-after-disconnect", "connection-closed-before-read")
m(C, "starlette", ST, 'raise WebSocketDisconnected(\'Cannot call "send" once a close message has been sent.\')', "RuntimeError",
  'Cannot call "send" once a close message has been sent.', "send-after-close", "send-after-close")
m(C, "starlette", ST, 'raise WebSocketDisconnected(\'WebSocket is not connected. Need to call "accept" first.\')', "RuntimeError",
  'WebSocket is not connected. Need to call "accept" first.', "not-accepted", "handshake-rejected")
m(C, "starlette", ST, 'raise RuntimeError(f\'Expected ASGI message "websocket.connect", but got {message_type!r}\')', "RuntimeError",
  "Expected ASGI message \"websocket.connect\", but got 'websocket.disconnect'", "expected-connect", "connection-dropped")
m(C, "socketio", "socketio/client.py", "'One or more namespaces failed to connect: '", "socketio.exceptions.ConnectionError",
  "One or more namespaces failed to connect: /chat", "namespaces-failed", "handshake-rejected")
m(C, "socketio", "socketio/client.py", "namespace + ' is not a connected namespace.')", "socketio.exceptions.BadNamespaceError",
  "/prices is not a connected namespace.", "bad-namespace", "subscription-not-delivered")
m(C, "engineio", "engineio/client.py", "r or 'Connection refused by the server')", "engineio.exceptions.ConnectionError",
  "Connection refused by the server", "refused-by-server", "handshake-rejected")
m(C, "engineio", "engineio/client.py", "'Unexpected status code {} in server response'.format(", "engineio.exceptions.ConnectionError",
  "Unexpected status code 400 in server response", "unexpected-status", "handshake-rejected")
m(C, "engineio", "engineio/client.py", "raise exceptions.ConnectionError('Connection error')", "engineio.exceptions.ConnectionError",
  "Connection error", "ws-connection-error", "connection-dropped")
m(C, "engineio", "engineio/client.py", "'Unexpected recv exception: ' + str(e))", "engineio.exceptions.ConnectionError",
  "Unexpected recv exception: Connection to remote host was lost.", "recv-exception", "connection-dropped")
AB = "autobahn/websocket/protocol.py"
m(C, "autobahn", AB, '"WebSocket ping timeout (peer did not respond with pong in time)"', None,
  "WebSocket ping timeout (peer did not respond with pong in time)", "ping-timeout", "keepalive-timeout")
m(C, "autobahn", AB, 'self.wasNotCleanReason = "WebSocket opening handshake timeout (peer did not finish the opening handshake in time)"', None,
  "WebSocket opening handshake timeout (peer did not finish the opening handshake in time)", "opening-handshake-timeout", "handshake-timeout")
m(C, "autobahn", AB, 'self.wasNotCleanReason = "WebSocket closing handshake timeout (peer did not finish the closing handshake in time)"', None,
  "WebSocket closing handshake timeout (peer did not finish the closing handshake in time)", "closing-handshake-timeout", "close-handshake-timeout")
UV = "uvicorn/protocols/websockets/websockets_impl.py"
m(C, "uvicorn", UV, '"Expected ASGI message \'websocket.accept\', \'websocket.close\', "', "RuntimeError",
  "Expected ASGI message 'websocket.accept', 'websocket.close', or 'websocket.http.response.start' but got 'websocket.send'.", "expected-accept", "handshake-rejected")
m(C, "uvicorn", UV, 'f"Unexpected ASGI message \'{message[\'type\']}\', after sending \'websocket.close\' "', "RuntimeError",
  "Unexpected ASGI message 'websocket.send', after sending 'websocket.close' or response already completed.", "send-after-close", "send-after-close")
m(C, "litestar", "litestar/connection/websocket.py", 'raise WebSocketDisconnect(detail="disconnect event", code=event["code"])', "litestar.exceptions.websocket_exceptions.WebSocketDisconnect",
  "disconnect event", "disconnect-event", "connection-dropped", check=False)
m(C, "daphne", "daphne/ws_protocol.py", 'raise ValueError("Socket has not been accepted, so cannot send over it")', "ValueError",
  "Socket has not been accepted, so cannot send over it", "send-before-accept", "handshake-rejected")
m(C, "hypercorn", "hypercorn/utils.py", 'super().__init__(f"Unexpected message type, {message_type} given the state {state}")', "hypercorn.utils.UnexpectedMessageError",
  "Unexpected message type, websocket.send given the state ASGIWebsocketState.CLOSED", "send-after-close", "send-after-close")
