"""Scoring service: ONNX exports of the risk model run with onnxruntime."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper


def _risk_model(ir_version: int | None = None, opset: int = 17) -> onnx.ModelProto:
    x = helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, 4])
    y = helper.make_tensor_value_info("risk", TensorProto.FLOAT, [None, 1])
    w = helper.make_tensor("w", TensorProto.FLOAT, [4, 1], [0.1, -0.2, 0.3, 0.05])
    graph = helper.make_graph([helper.make_node("MatMul", ["features", "w"], ["risk"])], "risk", [x], [y], [w])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = ir_version if ir_version is not None else 8
    return model


@pytest.fixture
def risk_onnx(model_dir):
    path = model_dir / "risk.onnx"
    onnx.save(_risk_model(), str(path))
    return path


def make_session(path) -> ort.InferenceSession:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="missing-model-file")
def test_risk_session_created(model_dir):
    session = make_session(model_dir / "risk.onnx")
    assert session.get_inputs()[0].name == "features"


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="lfs-pointer-not-pulled")
def test_risk_session_from_lfs_checkout(model_dir, lfs_pointer):
    (model_dir / "risk.onnx").write_bytes(lfs_pointer)
    make_session(model_dir / "risk.onnx")


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="truncated-model-file")
def test_risk_session_truncated_export(risk_onnx):
    data = risk_onnx.read_bytes()
    risk_onnx.write_bytes(data[:-9])
    make_session(risk_onnx)


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="onnx-ir-version-skew")
def test_risk_model_exported_with_newer_onnx(model_dir):
    path = model_dir / "risk.onnx"
    onnx.save(_risk_model(ir_version=99), str(path))
    make_session(path)


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="onnx-opset-unsupported")
def test_risk_model_opset_from_nightly_exporter(model_dir):
    path = model_dir / "risk.onnx"
    onnx.save(_risk_model(opset=99), str(path))
    make_session(path)


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="input-name-mismatch")
def test_risk_scores_input_name(risk_onnx):
    session = make_session(risk_onnx)
    out = session.run(None, {"input": np.zeros((2, 4), dtype=np.float32)})
    assert out[0].shape == (2, 1)


@pytest.mark.failure(category="1", library="onnxruntime", shape="raised", cause="input-dtype-mismatch")
def test_risk_scores_float64_features(risk_onnx):
    session = make_session(risk_onnx)
    out = session.run(None, {"features": np.zeros((2, 4))})
    assert out[0].shape == (2, 1)


@pytest.mark.failure(category="1", library="onnxruntime", shape="setup", cause="missing-model-file")
class TestRiskScoring:
    @pytest.fixture(scope="class")
    def session(self, tmp_path_factory):
        return make_session(tmp_path_factory.mktemp("ml_models") / "risk_v2.onnx")

    def test_scores_in_unit_interval(self, session):
        assert session is not None
