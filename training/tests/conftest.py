import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


import pytest  # noqa: E402

from threatlens_train import export  # noqa: E402
from threatlens_train.common import MODEL_OUT  # noqa: E402


@pytest.fixture(scope="module")
def weights():
    """The registry weights (torch layout, fp32)."""
    return export.load_weights()


@pytest.fixture(scope="module")
def encoder_path(tmp_path_factory, weights):
    """The shipped encoder.onnx, or a fresh export when the model is not built yet."""
    p = MODEL_OUT / "encoder.onnx"
    if not p.exists():
        p = tmp_path_factory.mktemp("enc") / "encoder.onnx"
        export.export(p, half=True, weights=weights)
    return p
