"""Outside clients against the real `threatlens` binary: grpcurl (reflection,
JSON in and out) and Python grpcio with stubs generated from proto/.

Run: THREATLENS_BIN=target/debug/threatlens pytest tests/outside
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("THREATLENS_BIN", str(ROOT / "target" / "debug" / "threatlens"))
GRPCURL = shutil.which("grpcurl") or str(Path(sys.executable).parent / "grpcurl")

SEED_TITLE = "Dutch PM raises cyber espionage concerns directly with China's Xi"
SEED_BODY = (
    "The Dutch prime minister raised concerns about Chinese cyber espionage directly with President Xi Jinping "
    "during a visit to Beijing on Tuesday, officials said.\n\nThe Dutch military intelligence service MIVD "
    "attributed an intrusion into a Dutch military network last year to Chinese state-backed spies.\n\n"
    "In March, the United States and Britain charged and sanctioned members of APT31, a hacking group they say is "
    "run by China's Ministry of State Security. Beijing denies any involvement in hacking."
)


@pytest.fixture(scope="module")
def server():
    proc = subprocess.Popen(
        [BIN, "serve", "--addr", "127.0.0.1:0", "--model-dir", str(ROOT / "models" / "threatlens-minilm")],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    addr = None
    deadline = time.time() + 120
    while time.time() < deadline and addr is None:
        line = proc.stderr.readline()
        m = re.search(r"addr=(\S+).*listening|listening.*addr=(\S+)", line)
        if m:
            addr = m.group(1) or m.group(2)
    assert addr, "server did not log its address"
    while time.time() < deadline:
        out = subprocess.run([GRPCURL, "-plaintext", addr, "grpc.health.v1.Health/Check"], capture_output=True, text=True)
        if '"SERVING"' in out.stdout:
            break
        time.sleep(0.2)
    yield addr
    proc.terminate()
    assert proc.wait(timeout=60) == 0


def grpcurl(*args, data=None):
    cmd = [GRPCURL, "-plaintext"]
    if data is not None:
        cmd += ["-d", json.dumps(data)]
    out = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120)
    return out


def test_grpcurl_lists_services_through_reflection(server):
    out = grpcurl(server, "list")
    assert out.returncode == 0, out.stderr
    services = out.stdout.split()
    assert "threatlens.v1.ThreatClassifier" in services
    assert "grpc.health.v1.Health" in services
    out = grpcurl(server, "describe", "threatlens.v1.ThreatClassifier")
    assert out.returncode == 0, out.stderr
    for rpc in ("Classify", "ClassifyBatch", "ClassifyStream", "GetModelInfo"):
        assert rpc in out.stdout


def test_grpcurl_classify_with_json(server):
    out = grpcurl(server, "threatlens.v1.ThreatClassifier/Classify",
                  data={"article": {"id": "g1", "title": SEED_TITLE, "body": SEED_BODY}})
    assert out.returncode == 0, out.stderr
    resp = json.loads(out.stdout)
    assert resp["id"] == "g1"
    assert resp["primaryThreat"] == "espionage"
    assert resp["attribution"]["level"] == "attributed"
    assert any(a["name"] == "APT31" for a in resp["attribution"]["actors"])
    assert resp["threatTypes"][0]["score"] >= resp["threatTypes"][-1]["score"]


def test_grpcurl_bad_input_is_invalid_argument(server):
    out = grpcurl(server, "threatlens.v1.ThreatClassifier/Classify", data={"article": {"title": "", "body": ""}})
    assert out.returncode != 0
    assert "InvalidArgument" in out.stderr and "article.title" in out.stderr, out.stderr


@pytest.fixture(scope="module")
def stubs():
    from grpc_tools import protoc

    out = tempfile.mkdtemp()
    rc = protoc.main(["protoc", f"-I{ROOT / 'proto'}", f"--python_out={out}", f"--grpc_python_out={out}",
                      str(ROOT / "proto" / "threatlens" / "v1" / "threatlens.proto")])
    assert rc == 0
    sys.path.insert(0, out)
    from threatlens.v1 import threatlens_pb2, threatlens_pb2_grpc

    return threatlens_pb2, threatlens_pb2_grpc


def test_grpcio_unary_stream_and_errors(server, stubs):
    pb, pb_grpc = stubs
    with grpc.insecure_channel(server) as ch:
        stub = pb_grpc.ThreatClassifierStub(ch)
        info = stub.GetModelInfo(pb.GetModelInfoRequest())
        assert "espionage" in info.threat_labels

        resp = stub.Classify(pb.ClassifyRequest(article=pb.Article(id="p1", title=SEED_TITLE, body=SEED_BODY)))
        assert resp.primary_threat == "espionage"

        with pytest.raises(grpc.RpcError) as err:
            stub.Classify(pb.ClassifyRequest(article=pb.Article(id="p2")))
        assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT

        reqs = [pb.ClassifyRequest(article=pb.Article(id=f"s{i}", title=t, body=""))
                for i, t in enumerate(["LockBit leaks data stolen from a hospital", "", "New camera has a bigger sensor"])]
        answers = list(stub.ClassifyStream(iter(reqs)))
        assert [a.index for a in answers] == [0, 1, 2]
        assert answers[1].error.code == "INVALID_ARGUMENT"
        assert not answers[0].error.code and not answers[2].error.code
