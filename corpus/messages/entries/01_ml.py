C = "1"
T = "torch/serialization.py"
UNSAFE = ("In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. "
          "Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. "
          "Do it only if you got the file from a trusted source.")
m(C, "torch", T, '"Weights only load failed. This file can still be loaded, to do so you have two options, "', "_pickle.UnpicklingError",
  "Weights only load failed. This file can still be loaded, to do so you have two options, \x1b[1mdo those steps only if you trust the source of the checkpoint\x1b[0m. \n\t(1) " + UNSAFE +
  "\n\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the following error message.\n\tWeightsUnpickler error: "
  "Unsupported global: GLOBAL sklearn.preprocessing._data.StandardScaler was not an allowed global by default. Please use `torch.serialization.add_safe_globals([sklearn.preprocessing._data.StandardScaler])` or the `torch.serialization.safe_globals([sklearn.preprocessing._data.StandardScaler])` context manager to allowlist this global if you trust this class/function.\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html.",
  "weights-only-unsafe-global", "weights-only-load")
m(C, "torch", "torch/_weights_only_unpickler.py", 'f"Trying to load unsupported GLOBAL {full_path} whose module {module} is blocked."', "_pickle.UnpicklingError",
  "Trying to load unsupported GLOBAL os.system whose module os is blocked.", "weights-only-blocked-module", "weights-only-load")
m(C, "torch", "torch/_weights_only_unpickler.py", 'raise UnpicklingError(f"Unsupported operand {key[0]}")', "_pickle.UnpicklingError",
  "Unsupported operand 149", "weights-only-unsupported-operand", "weights-only-load")
m(C, "torch", "torch/_weights_only_unpickler.py", 'raise UnpicklingError("unsupported persistent id encountered")', "_pickle.UnpicklingError",
  "unsupported persistent id encountered", "weights-only-persistent-id", "weights-only-load")
m(C, "torch", T, '"legacy .tar format. " + UNSAFE_MESSAGE', "RuntimeError",
  "Cannot use ``weights_only=True`` with files saved in the legacy .tar format. " + UNSAFE, "weights-only-legacy-tar", "weights-only-load")
m(C, "torch", T, 'f"Attempting to deserialize object on a {backend_name.upper()} "', "RuntimeError",
  "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.",
  "deserialize-cuda-unavailable", "device-mismatch-on-load")
m(C, "torch", T, 'f"Attempting to deserialize object on {backend_name.upper()} device "', "RuntimeError",
  "Attempting to deserialize object on CUDA device 1 but torch.cuda.device_count() is 1. Please use torch.load with map_location to map your storages to an existing device.",
  "deserialize-device-count", "device-mismatch-on-load")
m(C, "torch", T, 'raise RuntimeError("Invalid magic number; corrupt file?")', "RuntimeError",
  "Invalid magic number; corrupt file?", "invalid-magic-number", "corrupt-model-file")
m(C, "torch", T, 'f"{f.name} is a zip archive (did you mean to use torch.jit.load()?)"', "RuntimeError",
  "models/ranker.pt is a zip archive (did you mean to use torch.jit.load()?)", "zip-archive-jit", "wrong-loader")
m(C, "torch", "torch/nn/modules/module.py", 'f"size mismatch for {key}: copying a param with shape {input_param.shape} from checkpoint, "', "RuntimeError",
  "Error(s) in loading state_dict for Net:\n\tsize mismatch for fc.weight: copying a param with shape torch.Size([10, 128]) from checkpoint, the shape in current model is torch.Size([5, 128]).\n\tsize mismatch for fc.bias: copying a param with shape torch.Size([10]) from checkpoint, the shape in current model is torch.Size([5]).",
  "state-dict-size-mismatch", "checkpoint-architecture-mismatch")
m(C, "torch", "torch/nn/modules/module.py", '"Missing key(s) in state_dict: {}. ".format(', "RuntimeError",
  'Error(s) in loading state_dict for Net:\n\tMissing key(s) in state_dict: "fc2.weight", "fc2.bias". ', "state-dict-missing-keys", "checkpoint-architecture-mismatch")
m(C, "torch", "torch/nn/modules/module.py", '"Unexpected key(s) in state_dict: {}. ".format(', "RuntimeError",
  'Error(s) in loading state_dict for Net:\n\tUnexpected key(s) in state_dict: "module.fc.weight", "module.fc.bias". ', "state-dict-unexpected-keys", "checkpoint-architecture-mismatch")
m(C, "safetensors", "safetensors/torch.py", 'error += f"\\n    Missing key(s) in state_dict: {missing_keys}"', "RuntimeError",
  'Error(s) in loading state_dict for BertModel:\n    Missing key(s) in state_dict: "pooler.dense.weight", "pooler.dense.bias"', "load-model-missing-keys", "checkpoint-architecture-mismatch")
m(C, "safetensors", "safetensors/torch.py", 'error += f"\\n    Unexpected key(s) in state_dict: {unexpected_keys}"', "RuntimeError",
  'Error(s) in loading state_dict for BertModel:\n    Unexpected key(s) in state_dict: "cls.predictions.bias"', "load-model-unexpected-keys", "checkpoint-architecture-mismatch")
m(C, "sklearn", "sklearn/exceptions.py", 'f"Trying to unpickle estimator {self.estimator_name} from version"', "sklearn.exceptions.InconsistentVersionWarning",
  "Trying to unpickle estimator RandomForestClassifier from version 1.3.2 when using version 1.9.1. This might lead to breaking code or invalid results. Use at your own risk. For more info please refer to:\nhttps://scikit-learn.org/stable/model_persistence.html#security-maintainability-limitations",
  "inconsistent-version-warning", "pickle-version-skew")
m(C, "sklearn", "sklearn/utils/validation.py", '"This %(name)s instance is not fitted yet. Call \'fit\' with "', "sklearn.exceptions.NotFittedError",
  "This LogisticRegression instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", "not-fitted", "model-not-initialized")
m(C, "joblib", "joblib/numpy_pickle.py", '"python 3 a joblib pickle generated with python 2. "', "ValueError",
  "You may be trying to read with python 3 a joblib pickle generated with python 2. This feature is not supported by joblib.", "py2-pickle", "pickle-version-skew")
m(C, "joblib", "joblib/numpy_pickle.py", '"joblib version less than 0.10. "', "DeprecationWarning",
  "The file 'models/model.joblib' has been generated with a joblib version less than 0.10. Please regenerate this pickle file.", "old-joblib-file", "pickle-version-skew")
m(C, "joblib", "joblib/numpy_pickle.py", '"Trying to unpickle an ndarray, but numpy didn\'t import correctly"', "ImportError",
  "Trying to unpickle an ndarray, but numpy didn't import correctly", "numpy-import-failed", "missing-dependency-on-load")
m(C, "joblib", "joblib/numpy_pickle.py", 'f"The memmapped array {marray} loaded from the file "', "UserWarning",
  "The memmapped array [0. 0. 0. ... 0. 0. 0.] loaded from the file models/embeddings.pkl is not byte aligned. This may cause segmentation faults if this memmapped array is used in some libraries like BLAS or PyTorch. To get rid of this warning, regenerate your pickle file with joblib >= 1.2.0. See https://github.com/joblib/joblib/issues/563 for more details",
  "memmap-not-aligned", "pickle-version-skew")
P = "pickle.py"
m(C, "pickle", P, 'raise AttributeError("Can\'t get attribute {!r} on {!r}"', "AttributeError",
  "Can't get attribute 'FeatureExtractor' on <module '__main__' from '/usr/local/bin/pytest'>", "cant-get-attribute", "class-moved-since-pickling")
m(C, "pickle", P, 'raise ValueError("unsupported pickle protocol: %d" % proto)', "ValueError",
  "unsupported pickle protocol: 5", "unsupported-protocol", "pickle-version-skew")
m(C, "pickle", P, 'raise UnpicklingError("unsupported persistent id encountered")', "_pickle.UnpicklingError",
  "unsupported persistent id encountered", "persistent-id", "corrupt-model-file")
m(C, "pickle", P, 'raise UnpicklingError("STACK_GLOBAL requires str")', "_pickle.UnpicklingError",
  "STACK_GLOBAL requires str", "stack-global", "corrupt-model-file")
m(C, "pickle", P, 'raise AttributeError("Can\'t get local attribute {!r} on {!r}"', "AttributeError",
  "Can't get local attribute 'build_model.<locals>.Model' on <module 'app.ml' from '/app/ml.py'>", "cant-get-local-attribute", "class-moved-since-pickling")
m(C, "pickle", P, 'raise TypeError("Can\'t load pickle from unicode string")', "TypeError",
  "Can't load pickle from unicode string", "unicode-string", "binary-mode-handling")
m(C, "numpy", "numpy/lib/_format_impl.py", 'raise ValueError("Object arrays cannot be loaded when "', "ValueError",
  "Object arrays cannot be loaded when allow_pickle=False", "allow-pickle-false", "pickle-disabled-on-load")
m(C, "numpy", "numpy/lib/_npyio_impl.py", 'f"Failed to interpret file {file!r} as a pickle") from e', "_pickle.UnpicklingError",
  "Failed to interpret file 'models/weights.npy' as a pickle", "not-a-pickle", "corrupt-model-file")
m(C, "numpy", "numpy/lib/_npyio_impl.py", 'raise EOFError("No data left in file")', "EOFError",
  "No data left in file", "empty-file", "corrupt-model-file")
m(C, "onnx", "onnx/serialization.py", 'f"Protobuf decoding consumed too few bytes: {decoded} out of {len(serialized)}"', "google.protobuf.message.DecodeError",
  "Protobuf decoding consumed too few bytes: 4096 out of 1048576", "protobuf-decode", "corrupt-model-file")
m(C, "onnx", "onnx/external_data_helper.py", 'f"External data offset ({info.offset}) exceeds file size "', "ValueError",
  "External data offset (4194304) exceeds file size (1048576) for tensor 'encoder.weight'", "external-data-offset", "external-data-missing")
m(C, "onnx", "onnx/external_data_helper.py", 'f"External data length ({info.length}) exceeds available data "', "ValueError",
  "External data length (4194304) exceeds available data (1048576 bytes from offset 0) for tensor 'encoder.weight'", "external-data-length", "external-data-missing")
m(C, "onnx", "onnx/external_data_helper.py", 'raise onnx_checker.ValidationError("raw_data field doesn\'t exist.")', "onnx.onnx_cpp2py_export.checker.ValidationError",
  "raw_data field doesn't exist.", "raw-data-missing", "external-data-missing")
m(C, "transformers", "transformers/utils/hub.py", 'f"{path_or_repo_id} does not appear to have a file named {filename}. Checkout "', "OSError",
  "models/sentiment does not appear to have a file named config.json. Checkout 'https://huggingface.co/models/sentiment/tree/main' for available files.", "no-file-named", "model-file-missing")
m(C, "transformers", "transformers/utils/hub.py", 'f"{path_or_repo_id} is not a local folder and is not a valid model identifier "', "OSError",
  "bert-base-uncased-finetuned is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'\nIf this is a private repository, make sure to pass a token having permission to this repo either by logging in with `hf auth login` or by passing `token=<your_token>`",
  "not-local-folder", "model-file-missing")
m(C, "transformers", "transformers/utils/hub.py", 'f"We couldn\'t connect to \'{constants.ENDPOINT}\' to load the files, and couldn\'t find them in the"', "OSError",
  "We couldn't connect to 'https://huggingface.co' to load the files, and couldn't find them in the cached files.\nCheck your internet connection or see how to run the library in offline mode at 'https://huggingface.co/docs/transformers/installation#offline-mode'.",
  "couldnt-connect", "model-download-offline")
m(C, "transformers", "transformers/modeling_utils.py", 'f"Error no file named {_add_variant(SAFE_WEIGHTS_NAME, variant)}, or {_add_variant(WEIGHTS_NAME, variant)},"', "OSError",
  "Error no file named model.safetensors, or pytorch_model.bin, found in directory ./models/classifier.", "no-weights-file", "model-file-missing")
m(C, "transformers", "transformers/modeling_utils.py", 'f"Can\'t load the model for \'{pretrained_model_name_or_path}\'. If you were trying to load it"', "OSError",
  "Can't load the model for 'distilbert-base-uncased'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name. Otherwise, make sure 'distilbert-base-uncased' is the correct path to a directory containing a file named pytorch_model.bin.",
  "cant-load-model", "model-file-missing")
m(C, "transformers", "transformers/tokenization_utils_base.py", 'f"Can\'t load tokenizer for \'{pretrained_model_name_or_path}\'. If you were trying to load it from "', "OSError",
  "Can't load tokenizer for 'bert-base-uncased'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name. Otherwise, make sure 'bert-base-uncased' is the correct path to a directory containing all relevant files for a BertTokenizer tokenizer.",
  "cant-load-tokenizer", "model-file-missing")
m(C, "transformers", "transformers/configuration_utils.py", 'f"Can\'t load the configuration of \'{pretrained_model_name_or_path}\'. If you were trying to load it"', "OSError",
  "Can't load the configuration of 'models/ranker'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name. Otherwise, make sure 'models/ranker' is the correct path to a directory containing a config.json file",
  "cant-load-config", "model-file-missing")
H = "huggingface_hub/file_download.py"
m(C, "huggingface_hub", H, '"Cannot find the requested files in the disk cache and outgoing traffic has been disabled. To enable"', "huggingface_hub.errors.LocalEntryNotFoundError",
  "Cannot find the requested files in the disk cache and outgoing traffic has been disabled. To enable hf.co look-ups and downloads online, set 'local_files_only' to False.", "local-files-only", "model-download-offline")
m(C, "huggingface_hub", H, '"An error happened while trying to locate the file on the Hub and we cannot find the requested files"', "huggingface_hub.errors.LocalEntryNotFoundError",
  "An error happened while trying to locate the file on the Hub and we cannot find the requested files in the local cache. Please check your connection and try again or make sure your Internet connection is on.", "hub-unreachable", "model-download-offline")
m(C, "huggingface_hub", "huggingface_hub/utils/_http.py", 'f"Cannot reach {request.url}: offline mode is enabled. To disable it, please unset the `HF_HUB_OFFLINE` environment variable."', "huggingface_hub.errors.OfflineModeIsEnabled",
  "Cannot reach https://huggingface.co/api/models/sentence-transformers/all-MiniLM-L6-v2/revision/main: offline mode is enabled. To disable it, please unset the `HF_HUB_OFFLINE` environment variable.", "offline-mode-enabled", "model-download-offline")
m(C, "huggingface_hub", "huggingface_hub/utils/_http.py", 'message = f"{response.status_code} Client Error." + "\\n\\n" + f"Entry Not Found for url: {response.url}."', "huggingface_hub.errors.RemoteEntryNotFoundError",
  "404 Client Error.\n\nEntry Not Found for url: https://huggingface.co/bert-base-uncased/resolve/main/model.onnx.", "entry-not-found", "model-file-missing")
m(C, "huggingface_hub", "huggingface_hub/utils/_http.py", '+ f"Repository Not Found for url: {response.url}."', "huggingface_hub.errors.RepositoryNotFoundError",
  "401 Client Error.\n\nRepository Not Found for url: https://huggingface.co/api/models/acme/churn-model.", "repo-not-found", "model-file-missing")
m(C, "lightgbm", "lightgbm/basic.py", '"Need at least one training dataset or model file or model string to create Booster instance"', "TypeError",
  "Need at least one training dataset or model file or model string to create Booster instance", "booster-no-model", "model-file-missing")
m(C, "xgboost", "xgboost/core.py", 'XGBoost Library ({libname}) could not be loaded.', "xgboost.core.XGBoostError",
  "\nXGBoost Library (libxgboost.so) could not be loaded.\nLikely causes:\n  * OpenMP runtime is not installed\n    - vcomp140.dll or libgomp-1.dll for Windows\n    - libomp.dylib for Mac OSX\n    - libgomp.so for Linux and other UNIX-like OSes\n    Mac OSX users: Run `brew install libomp` to install OpenMP runtime.\n\n  * You are running 32-bit Python on a 64-bit OS\n\nError message(s): [\"libgomp.so.1: cannot open shared object file: No such file or directory\"]\n",
  "library-not-loaded", "missing-dependency-on-load", check=False)
m(C, "skops", "skops/io/exceptions.py", 'msg = f"Untrusted types found in the file: {unsafe}."', "skops.io.exceptions.UntrustedTypesFoundException",
  "Untrusted types found in the file: ['app.features.CustomTransformer'].", "untrusted-types", "pickle-disabled-on-load")
m(C, "catboost", "catboost/core.py", 'raise CatBoostError("Invalid {} path=\'{}\': file does not exist.".format(name, item))', "_catboost.CatBoostError",
  "Invalid data path='models/catboost_model.cbm': file does not exist.", "file-does-not-exist", "model-file-missing")
