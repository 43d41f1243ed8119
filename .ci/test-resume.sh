#!/usr/bin/env bash
# Real-kill test of `spectlab simulate --resume`: starts a checkpointed simulation in the background,
# kills it with SIGKILL once some chunks are on disk, resumes it, and compares every data file with
# an uninterrupted run (cmp). Exit 0 on success, 1 on a mismatch or failure.
# Usage: bash .ci/test-resume.sh   (from the repository root; builds cli/target/spectlab.jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="$PWD/cli/target/spectlab.jar"
if [ ! -f "$JAR" ]; then
  echo "test-resume: building $JAR"
  mvn -B -q -pl cli -am package -DskipTests
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/spectlab-resume.XXXXXX")"
BG=""
cleanup() {
  if [ -n "$BG" ] && kill -0 "$BG" 2>/dev/null; then kill -9 "$BG" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "test-resume: FAILED: $*" >&2; exit 1; }

# Forced detection on a 48^3 cylinder phantom, 48 views: about 10-30 s on one core.
cat > "$WORK/study.yaml" <<'YAML'
phantom:
  grid: {size: [48, 48, 24], voxel_mm: 6}
  sampling: {sub_samples: 2}
  preset: {name: uniform_cylinder, options: {diameter_mm: 200, length_mm: 120, concentration_bq_per_ml: 20000}}
nuclide: Tc-99m
camera: {collimator: siemens-lehr}
acquisition: {views: 48, radius_mm: 200, matrix: [48, 48], pixel_size_mm: 6, time_per_view_s: 10}
simulation: {histories: 200000, batches: 8, seed: 7, crystal_histories_per_keV: 1000}
YAML

echo "test-resume: uninterrupted run (2 threads)"
java -jar "$JAR" simulate "$WORK/study.yaml" --out "$WORK/plain" --threads 2 --no-progress > "$WORK/plain.log"

echo "test-resume: checkpointed run (1 thread), to be killed"
java -jar "$JAR" simulate "$WORK/study.yaml" --out "$WORK/resumed" --threads 1 --resume --no-progress \
  > "$WORK/first.log" 2>&1 &
BG=$!
CP="$WORK/resumed.checkpoint"
chunks=0
for _ in $(seq 1 1200); do   # up to 240 s
  chunks=$( (find "$CP" -maxdepth 1 -name 'chunk-*.bin' 2>/dev/null || true) | wc -l)
  if [ "$chunks" -ge 2 ] || ! kill -0 "$BG" 2>/dev/null; then break; fi
  sleep 0.2
done
kill -0 "$BG" 2>/dev/null || { cat "$WORK/first.log" >&2; fail "the run ended before it could be killed (chunks seen: $chunks)"; }
kill -9 "$BG"
wait "$BG" 2>/dev/null || true
BG=""
chunks=$(find "$CP" -maxdepth 1 -name 'chunk-*.bin' | wc -l)
[ ! -e "$WORK/resumed" ] || fail "a killed run left a study folder"
[ "$chunks" -ge 1 ] || fail "no checkpoint chunk on disk after the kill"
echo "test-resume: killed with SIGKILL; $chunks chunk(s) on disk"

echo "test-resume: resuming (2 threads)"
java -jar "$JAR" simulate "$WORK/study.yaml" --out "$WORK/resumed" --threads 2 --resume --no-progress \
  > "$WORK/resume.log" 2>&1 || { cat "$WORK/resume.log" >&2; fail "the resumed run failed"; }
grep -q "checkpoint" "$WORK/resume.log" || fail "the resumed run did not report its checkpoint"
grep "checkpoint" "$WORK/resume.log"
grep -Eq " ([1-9][0-9]*) of 48 views reused" "$WORK/resume.log" || fail "the resumed run reused no view"
[ ! -e "$CP" ] || fail "the checkpoint folder was not removed after the study was written"

n=0
while IFS= read -r f; do
  rel="${f#"$WORK/plain/"}"
  [ "$rel" = "study.json" ] && continue
  cmp "$WORK/plain/$rel" "$WORK/resumed/$rel" || fail "$rel differs from the uninterrupted run"
  n=$((n + 1))
done < <(find "$WORK/plain" -type f | sort)
[ "$n" -ge 10 ] || fail "only $n data files compared"
echo "test-resume: $n data files identical (cmp) after kill -9 and resume"
echo "test-resume: PASSED"
