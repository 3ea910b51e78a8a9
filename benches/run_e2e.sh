#!/usr/bin/env bash
# End-to-end benchmark, all on this machine in one run:
#   1. the deterministic corpus (benches/make_corpus.py, 1,000 articles);
#   2. the peer: same tokenization + windowing in Python `tokenizers`, same
#      encoder.onnx in onnxruntime with the same number of threads;
#   3. ThreatLens: release server, `threatlens score` over the corpus via ClassifyStream;
#   4. Classify latency at concurrency 1 (short articles), 8 and 64 (examples/loadgen.rs);
#   5. server peak RSS.
# Results go to bench-out/ (JSON) and a summary to stdout.
#
#   benches/run_e2e.sh [PYTHON]      (PYTHON needs numpy, onnxruntime, tokenizers; default training/.venv)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-training/.venv/bin/python}"
THREADS="${THREADS:-$(nproc)}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-15}"
out=bench-out
mkdir -p "$out"

cargo build --release --quiet --bin threatlens --example loadgen
"$PY" benches/make_corpus.py --out benches/data/corpus.jsonl > "$out/corpus.txt" 2>&1

echo "== peer: onnxruntime, $THREADS threads"
"$PY" benches/peer_onnxruntime.py --corpus benches/data/corpus.jsonl --threads "$THREADS" > "$out/peer.json"
"$PY" benches/peer_onnxruntime.py --corpus benches/data/corpus.jsonl --threads "$THREADS" --single-latency > "$out/peer_latency.json"

port=$((20000 + RANDOM % 20000))
target/release/threatlens serve --addr "127.0.0.1:$port" --workers "$THREADS" 2> "$out/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q SERVING "$out/server.log" && break; sleep 0.1; done

echo "== threatlens score over the corpus"
rm -f "$out/scored.jsonl"
/usr/bin/time -v target/release/threatlens score --input benches/data/corpus.jsonl --output "$out/scored.jsonl" \
  --server "http://127.0.0.1:$port" --progress never 2> "$out/score.txt"
grep -E "rows|articles/s|tokens/s" "$out/score.txt" || tail -5 "$out/score.txt"

echo "== Classify latency"
: > "$out/latency.jsonl"
target/release/examples/loadgen --addr "http://127.0.0.1:$port" --concurrency 1 --seconds "$SECONDS_PER_RUN" --short >> "$out/latency.jsonl"
for c in 1 8 64; do
  target/release/examples/loadgen --addr "http://127.0.0.1:$port" --concurrency "$c" --seconds "$SECONDS_PER_RUN" >> "$out/latency.jsonl"
done
cat "$out/latency.jsonl"
grep -E "VmHWM|VmRSS" "/proc/$server/status" | tee "$out/rss.txt"
kill -TERM $server; wait $server || true
"$PY" - "$out" <<'PYEOF'
import json, re, sys
out = sys.argv[1]
peer = json.load(open(f"{out}/peer.json"))
score = open(f"{out}/score.txt").read()
m = re.search(r"([\d.]+) articles/s", score); t = re.search(r"([\d.]+) tokens/s", score)
tl_aps = float(m.group(1)) if m else float("nan"); tl_tps = float(t.group(1)) if t else float("nan")
peer_aps = peer["inference_only"]["articles_per_s"] if "inference_only" in peer else peer.get("articles_per_s_inference")
print(json.dumps({"threatlens_articles_per_s": tl_aps, "threatlens_tokens_per_s": tl_tps,
                  "peer_inference_articles_per_s": peer_aps,
                  "ratio_threatlens_e2e_over_peer_inference": tl_aps / peer_aps if peer_aps else None}, indent=1))
PYEOF
