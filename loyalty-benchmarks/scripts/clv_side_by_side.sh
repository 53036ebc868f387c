#!/usr/bin/env bash
# Side by side on the peer's own files (issue 17): lifetimes 0.11.3 (time_fits.py) and the library
# (ClvPeerHarness), one after the other, then the ratios. Run from the project root after
#   mvn -B -q -pl loyalty-core,loyalty-benchmarks compile
# with the files of the shared bench README in DATA (default target/bench):
#   bash loyalty-benchmarks/scripts/clv_side_by_side.sh [DATA] [SHARED_BENCH]
# SHARED_BENCH defaults to ../shared/bench (time_fits.py and peers/python). The machine's load average is
# printed before each run: a figure measured on a loaded machine says so.
set -euo pipefail
DATA=${1:-target/bench}
BENCH=${2:-../shared/bench}
OUT=${OUT:-target/bench/side_by_side}
M2=${M2:-$HOME/.m2/repository}
mkdir -p "$OUT"
CP=${CLASSES:-loyalty-core/target/classes:loyalty-benchmarks/target/classes}
CP=$CP:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
CP=$CP:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar
peer() {
    echo "peer: time_fits.py $* (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$BENCH/peers/python" /usr/bin/python3 "$BENCH/time_fits.py" "$@"
}
peer bgnbd_predict "$DATA/bgnbd_1000000.csv.gz" > "$OUT/peer_bgnbd_predict.json"
peer pareto "$DATA/bgnbd_100000.csv.gz" > "$OUT/peer_pareto.json"
echo "library: ClvPeerHarness (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
java -Xmx1g -cp "$CP" -Dloyalty.bench.customers="$DATA/bgnbd_1000000.csv.gz" \
    -Dloyalty.bench.small="$DATA/bgnbd_100000.csv.gz" io.loyalty.benchmarks.ClvPeerHarness | tee "$OUT/library.log"
tail -n 1 "$OUT/library.log" > "$OUT/library.json"
/usr/bin/python3 - "$OUT" <<'EOF'
import json, sys
out = sys.argv[1]
p = json.load(open(out + "/peer_bgnbd_predict.json"))
q = json.load(open(out + "/peer_pareto.json"))
lib = json.load(open(out + "/library.json"))
rows = [
    ("BG/NBD fit with standard errors, 1M", p["seconds_fit"], lib["seconds_fit_bgnbd"], 10),
    ("Pareto/NBD fit, 100k", q["seconds_fit"], lib["seconds_fit_pareto"], 10),
    ("E[Y(52)], 1M, median of 3", p["seconds_predict"]["conditional_expected_number_of_purchases_up_to_time"],
     lib["seconds_expected_purchases"], 10),
    ("P(alive), 1M, median of 3", p["seconds_predict"]["conditional_probability_alive"],
     lib["seconds_probability_alive"], 2),
]
print("| work (peer's own file) | lifetimes | library | ratio | goal |")
print("|---|---|---|---|---|")
for name, peer_s, lib_s, goal in rows:
    print("| %s | %.3f s | %.4f s | %.1fx | >= %dx |" % (name, peer_s, lib_s, peer_s / lib_s, goal))
for label, mine, theirs in (("BG/NBD", lib["params_bgnbd"], p["params"]), ("Pareto/NBD", lib["params_pareto"], q["params"])):
    worst = max(abs(mine[k] - theirs[k]) / abs(theirs[k]) for k in theirs)
    print("%s parameters: largest relative difference to lifetimes %.2e (%s)" % (label, worst, mine))
EOF
