# Session 14 (helper a): ML model loading (#1) and WebSocket (#2) texts from libraries newly read from
# /work/venvs/s14a (installed with `pip install --no-deps`: only the source was read), plus `other` rows from the
# same libraries (their plain misuse / bad-input / misconfiguration messages).
S14A = "s14a"
lib("spacy", S14A, "spacy"); lib("mlflow", S14A, "mlflow"); lib("timm", S14A, "timm"); lib("peft", S14A, "peft")
lib("open_clip", S14A, "open_clip_torch"); lib("accelerate", S14A, "accelerate"); lib("gensim", S14A, "gensim")
lib("torchvision", S14A, "torchvision")
lib("sanic", S14A, "sanic"); lib("blacksheep", S14A, "blacksheep"); lib("picows", S14A, "picows")
lib("strawberry", S14A, "strawberry-graphql"); lib("signalrcore", S14A, "signalrcore")
lib("centrifuge", S14A, "centrifuge-python"); lib("ably", S14A, "ably")

SPE = "spacy/errors.py"
MFE = "mlflow.exceptions.MlflowException"
OCF = "open_clip/factory.py"
ACM = "accelerate/utils/modeling.py"
SWS = "sanic/server/websockets/impl.py"
PXX = "picows/picows.pyx"
GTW = "strawberry/subscriptions/protocols/graphql_transport_ws/handlers.py"
SRB = "signalrcore/transport/sockets/base_socket_client.py"
ACN = "ably/realtime/connectionmanager.py"
AE = "ably.util.exceptions.AblyException"

# ---------------------------------------------------------------- 1: ML model loading
C = "1"
m(C, "spacy", SPE, "E050 = (\"Can't find model '{name}'. It doesn't seem to be a Python \"", "OSError",
  "[E050] Can't find model 'en_core_web_sm'. It doesn't seem to be a Python package or a valid path to a data directory.",
  "e050-model-not-found", "model-file-missing")
m(C, "spacy", SPE, "E941 = (\"Can't find model '{name}'. It looks like you're trying to load a \"", "OSError",
  "[E941] Can't find model 'en'. It looks like you're trying to load a model from a shortcut, which is obsolete as of spaCy v3.0. "
  "To load the model, use its full name instead:\n\nnlp = spacy.load(\"en_core_web_sm\")\n\nFor more details on the available models, "
  "see the models directory: https://spacy.io/models and if you want to create a blank model, use spacy.blank: nlp = spacy.blank(\"en\")",
  "e941-obsolete-shortcut", "model-format-version-skew", check=False)
m(C, "spacy", SPE, "W095 = (\"Model '{model}' ({model_version}) was trained with spaCy \"", "UserWarning",
  "[W095] Model 'en_core_web_sm' (3.5.0) was trained with spaCy v3.5.0 and may not be 100% compatible with the current version (3.8.18). "
  "If you see errors or degraded performance, download a newer compatible model or retrain your custom model with the current spaCy version. "
  "For more details and available updates, run: python -m spacy validate", "w095-trained-with-other-version", "model-format-version-skew")
m(C, "spacy", SPE, 'E149 = ("Error deserializing model. Check that the config used to create "', "ValueError",
  "[E149] Error deserializing model. Check that the config used to create the component matches the model being loaded.",
  "e149-error-deserializing", "checkpoint-architecture-mismatch")
m(C, "mlflow", "mlflow/models/model.py", "f'Could not find an \"{MLMODEL_FILE_NAME}\" configuration file at \"{path}\"',", MFE,
  'Could not find an "MLmodel" configuration file at "/tmp/mlruns/0/3f9c2a/artifacts/model"', "mlmodel-not-found", "model-file-missing")
m(C, "mlflow", "mlflow/utils/requirements_utils.py", '"Detected one or more mismatches between the model\'s dependencies and the current "', None,
  "Detected one or more mismatches between the model's dependencies and the current Python environment:\n"
  " - scikit-learn (current: 1.5.2, required: scikit-learn==1.3.0)\n"
  "To fix the mismatches, call `mlflow.pyfunc.get_model_dependencies(model_uri)` to fetch the model's environment and install "
  "dependencies using the resulting environment file.", "dependency-mismatch", "pickle-version-skew")
m(C, "mlflow", "mlflow/pyfunc/__init__.py", '"The version of Python that the model was saved in, `Python %s`, differs"', None,
  "The version of Python that the model was saved in, `Python 3.9.18`, differs from the version of Python that is currently running, "
  "`Python 3.11.7`, and may be incompatible", "python-version-differs", "pickle-version-skew")
m(C, "mlflow", "mlflow/pyfunc/__init__.py", "f'Model does not have the \"{FLAVOR_NAME}\" flavor',", MFE,
  'Model does not have the "python_function" flavor', "no-pyfunc-flavor", "wrong-loader")
m(C, "timm", "timm/models/_helpers.py", '"weights_only=True blocked loading this checkpoint because it requires non-allowlisted pickle globals."', "RuntimeError",
  "weights_only=True blocked loading this checkpoint because it requires non-allowlisted pickle globals. Unsupported globals: numpy.core.multiarray._reconstruct. "
  "No automatic unsafe pickle fallback is performed. If this checkpoint is trusted, retry with weights_only=False.",
  "weights-only-blocked", "weights-only-load")
m(C, "peft", "peft/config.py", "raise ValueError(f\"Can't find '{CONFIG_NAME}' at '{pretrained_model_name_or_path}'\") from exc", "ValueError",
  "Can't find 'adapter_config.json' at 'models/lora-adapter'", "adapter-config-not-found", "model-file-missing")
m(C, "open_clip", OCF, "raise RuntimeError(f\"Pretrained value '{pretrained}' is not a known tag or valid file path\")", "RuntimeError",
  "Pretrained value 'checkpoints/clip_finetuned.pt' is not a known tag or valid file path", "pretrained-not-found", "model-file-missing")
m(C, "open_clip", OCF, "raise RuntimeError(f\"Failed to download weights for tag '{pretrained}': {e}\")", "RuntimeError",
  "Failed to download weights for tag 'laion2b_s34b_b79k': Cannot reach https://huggingface.co/api/models/laion/CLIP-ViT-B-32-laion2B-s34B-b79K: "
  "offline mode is enabled. To disable it, please unset the `HF_HUB_OFFLINE` environment variable.",
  "weights-download-failed", "model-download-offline")
m(C, "accelerate", ACM, 'f"The safetensors archive passed at {checkpoint_file} does not contain the valid metadata. Make sure "', "OSError",
  "The safetensors archive passed at models/ranker/model.safetensors does not contain the valid metadata. "
  "Make sure you save your model with the `save_pretrained` method.", "safetensors-invalid-metadata", "corrupt-model-file")
m(C, "accelerate", ACM, 'f\'Trying to set a tensor of shape {value.shape} in "{tensor_name}" (which has shape {old_value.shape}), this looks incorrect.\'',
  "ValueError", 'Trying to set a tensor of shape torch.Size([2, 768]) in "weight" (which has shape torch.Size([3, 768])), this looks incorrect.',
  "tensor-shape-incorrect", "checkpoint-architecture-mismatch")
m(C, "gensim", "gensim/models/keyedvectors.py", 'raise ValueError("incompatible vector size %d in file %s" % (vector_size, fname))', "ValueError",
  "incompatible vector size 300 in file models/word2vec.bin", "incompatible-vector-size", "checkpoint-architecture-mismatch")

# ---------------------------------------------------------------- 2: WebSocket
C = "2"
m(C, "sanic", SWS, '"Websocket timed out waiting for pong"', None, "Websocket timed out waiting for pong", "timed-out-waiting-for-pong", "keepalive-timeout")
m(C, "sanic", SWS, '"cannot call recv while another task is "', "sanic.exceptions.ServerError",
  "cannot call recv while another task is already waiting for the next message", "concurrent-recv", "concurrent-recv")
m(C, "sanic", SWS, '"Cannot receive from websocket interface after it is closed."', "sanic.exceptions.WebsocketClosed",
  "Cannot receive from websocket interface after it is closed.", "recv-after-closed", "connection-closed-before-read")
m(C, "sanic", SWS, '"Cannot write to websocket interface after it is closed."', "sanic.exceptions.WebsocketClosed",
  "Cannot write to websocket interface after it is closed.", "write-after-closed", "send-after-close")
m(C, "blacksheep", "blacksheep/server/websocket.py", 'return f"The client closed the connection. WebSocket close code: {self.code}."',
  "blacksheep.server.websocket.WebSocketDisconnectError", "The client closed the connection. WebSocket close code: 1006.",
  "client-disconnected", "connection-dropped")
m(C, "picows", PXX, 'f"expected upgrade response with status 101 Switching Protocols, but received {response.status}",',
  "picows.common.WSInvalidStatusError", "expected upgrade response with status 101 Switching Protocols, but received 403",
  "invalid-status", "handshake-rejected")
m(C, "picows", PXX, 'f"Received frame with payload size exceeding max allowed size, "', "picows.common.WSProtocolError",
  "Received frame with payload size exceeding max allowed size, 1048577 > 1048576", "frame-too-big", "message-too-big")
m(C, "picows", PXX, 'f"peer has not replied to ping/heartbeat request within {self._auto_ping_reply_timeout} second(s)"', None,
  "peer has not replied to ping/heartbeat request within 10.0 second(s)", "ping-reply-timeout", "keepalive-timeout")
m(C, "strawberry", GTW, 'reason = "Connection initialisation timeout"', None, "Connection initialisation timeout",
  "connection-init-timeout", "handshake-timeout")
m(C, "strawberry", GTW, 'reason = "Too many initialisation requests"', None, "Too many initialisation requests",
  "too-many-init-requests", "protocol-error")
m(C, "strawberry", GTW, 'await self.websocket.close(code=4401, reason="Unauthorized")', None, "Unauthorized",
  "subscribe-before-ack", "handshake-rejected")
m(C, "signalrcore", SRB, 'f"Handshake failed: {response.decode()}")', "signalrcore.transport.sockets.errors.SocketHandshakeError",
  "Handshake failed: HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nServer: Kestrel\r\n\r\n", "handshake-failed", "handshake-rejected")
m(C, "signalrcore", "signalrcore/transport/sockets/errors.py", 'super().__init__("Socket closed by the the server")',
  "signalrcore.transport.sockets.errors.SocketClosedError", "Socket closed by the the server", "socket-closed", "connection-dropped")
m(C, "signalrcore", "signalrcore/hub/base_hub_connection.py", '"Cannot connect to SignalR hub. Unable to transmit messages")',
  "signalrcore.hub.errors.HubConnectionError", "Cannot connect to SignalR hub. Unable to transmit messages", "unable-to-transmit", "send-after-close")
m(C, "centrifuge", "centrifuge/client.py", 'raise ClientDisconnectedError("client disconnected")', "centrifuge.exceptions.ClientDisconnectedError",
  "client disconnected", "client-disconnected", "send-after-close")
m(C, "centrifuge", "centrifuge/client.py", 'raise OperationTimeoutError("timeout waiting for connection to be ready")',
  "centrifuge.exceptions.OperationTimeoutError", "timeout waiting for connection to be ready", "connect-ready-timeout", "handshake-timeout")
m(C, "ably", "ably/transport/websockettransport.py", "exception = AblyException(f'Error opening websocket connection: {e}', 400, 40000)", AE,
  "40000 400 Error opening websocket connection: server rejected WebSocket connection: HTTP 401", "error-opening-websocket", "handshake-rejected")
m(C, "ably", "ably/transport/websockettransport.py", 'msg = f"No activity seen from realtime in {since_last} ms; assuming connection has dropped"', None,
  "No activity seen from realtime in 25013 ms; assuming connection has dropped", "no-activity-seen", "keepalive-timeout")
m(C, "ably", ACN, 'raise AblyException("Timeout waiting for ping response", 504, 50003) from None', AE,
  "50003 504 Timeout waiting for ping response", "ping-timeout", "keepalive-timeout")
# ---------------------------------------------------------------- other: the same libraries' plain misuse / bad input
C = "other"
m(C, "spacy", SPE, 'E001 = ("No component \'{name}\' found in pipeline. Available names: {opts}")', "KeyError",
  "\"[E001] No component 'ner' found in pipeline. Available names: ['tok2vec', 'tagger', 'parser']\"", "e001-no-component", "api-misuse")
m(C, "spacy", SPE, 'E088 = ("Text of length {length} exceeds maximum of {max_length}. The "', "ValueError",
  "[E088] Text of length 1200000 exceeds maximum of 1000000. The parser and NER models require roughly 1GB of temporary memory per "
  "100,000 characters in the input. This means long texts may cause memory allocation errors. If you're not using the parser or NER, "
  "it's probably safe to increase the `nlp.max_length` limit. The limit is in number of characters, so you can check whether your "
  "inputs are too long by checking `len(text)`.", "e088-text-too-long", "input-validation")
m(C, "mlflow", "mlflow/store/tracking/file_store.py", 'f"Changing param values is not allowed. Param with key=\'{param_key}\' was already"', MFE,
  "Changing param values is not allowed. Param with key='lr' was already logged with value='0.01' for run ID='5b1e0f0c2a6d4b0f'. "
  "Attempted logging new value '0.001'.", "param-already-logged", "api-misuse", check=False)
m(C, "timm", "timm/models/_factory.py", "raise RuntimeError('Unknown model (%s)' % model_name)", "RuntimeError",
  "Unknown model (resnet_50)", "unknown-model", "config-invalid")
m(C, "torchvision", "torchvision/models/_api.py", 'raise ValueError(f"Unknown model {name}")', "ValueError",
  "Unknown model resnet_50", "unknown-model", "config-invalid")
m(C, "torchvision", "torchvision/models/_api.py", "raise ValueError(f\"Invalid weight name provided: '{name}'.\")", "ValueError",
  "Invalid weight name provided: 'IMAGENET1K_V2'.", "invalid-weight-name", "input-validation")
m(C, "peft", "peft/config.py", 'f"Invalid task type: \'{self.task_type}\'. Must be one of the following task types: {\', \'.join(TaskType)}."',
  "ValueError", "Invalid task type: 'SEQ_CLASSIFICATION'. Must be one of the following task types: SEQ_CLS, SEQ_2_SEQ_LM, CAUSAL_LM, "
  "TOKEN_CLS, QUESTION_ANS, FEATURE_EXTRACTION.", "invalid-task-type", "config-invalid", check=False)
m(C, "sanic", SWS, 'raise TypeError("data is a dict-like object")', "TypeError", "data is a dict-like object", "send-dict", "bad-input-type")
m(C, "picows", "picows/url.py", 'raise WSInvalidURL(url, "scheme isn\'t ws or wss")', "picows.url.WSInvalidURL",
  "http://localhost:8000/ws isn't a valid URL: scheme isn't ws or wss", "invalid-scheme", "invalid-url")
m(C, "centrifuge", "centrifuge/client.py", '\'subscription to channel "\' + channel + \'" is already registered\',',
  "centrifuge.exceptions.DuplicateSubscriptionError", 'subscription to channel "news" is already registered', "duplicate-subscription",
  "api-misuse", check=False)
m(C, "ably", "ably/rest/auth.py", 'raise AblyException("No key specified: no means to generate a token", 401, 40101)',
  "ably.util.exceptions.AblyAuthException", "40101 401 No key specified: no means to generate a token", "no-key-specified", "credentials-missing")
m(C, "signalrcore", "signalrcore/hub/base_hub_connection.py", 'raise TypeError("Arguments of a message must be a list or subject")',
  "TypeError", "Arguments of a message must be a list or subject", "arguments-not-list", "bad-input-type")
