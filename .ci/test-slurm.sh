#!/usr/bin/env bash
# SLURM integration test of spectlab split / run / merge (the cluster issue's acceptance):
#  1. installs Debian's slurm-wlm and munge when missing (apt-get; skipped with exit 0 only when
#     apt-get is unavailable, e.g. not Debian/Ubuntu);
#  2. starts a private single-node SLURM on this host (its own munge key and socket, slurm.conf with
#     this host's name on 127.0.0.1, slurmctld and slurmd in the background, no systemd), on ports
#     SPECTLAB_SLURMCTLD_PORT / SPECTLAB_SLURMD_PORT (default 16817 / 16818);
#  3. simulates a small study with `spectlab simulate`, splits it into 4 jobs, submits the generated
#     array script with `sbatch --wait`, merges, and compares every data file with cmp;
#  4. stops the daemons and removes its files, whatever happened.
# Needs root (as CI and the development machines are). Usage: bash .ci/test-slurm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
JAR="$REPO/cli/target/spectlab.jar"
JOBS=4
CTLD_PORT="${SPECTLAB_SLURMCTLD_PORT:-16817}"
SLURMD_PORT="${SPECTLAB_SLURMD_PORT:-16818}"
log() { echo "test-slurm: $*"; }
fail() { echo "test-slurm: FAILED: $*" >&2; exit 1; }

if ! command -v apt-get >/dev/null 2>&1; then
  log "SKIPPED: apt-get is not available, cannot install slurm-wlm and munge on this machine"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || fail "must run as root (installs packages, runs slurmd)"

# ---- 1. packages --------------------------------------------------------------------------------
need=()
for cmd in slurmctld slurmd sbatch squeue sinfo scontrol; do command -v "$cmd" >/dev/null 2>&1 || need=(slurm-wlm); done
command -v munged >/dev/null 2>&1 || need+=(munge)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]} (apt-get)"
  # keep package scripts from starting services (no systemd here); removed again right after
  added_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  ok=1
  timeout 600 apt-get update -qq || ok=0
  [ "$ok" -eq 1 ] && { timeout 900 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || ok=0; }
  [ "$added_policy" -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$ok" -eq 1 ] || fail "apt-get could not install ${need[*]}"
fi
for cmd in slurmctld slurmd sbatch squeue sinfo scontrol munged; do
  command -v "$cmd" >/dev/null 2>&1 || fail "$cmd not found after installing slurm-wlm and munge"
done
log "$(slurmd -V 2>&1 | sed -n 1p), $(munged --version 2>&1 | sed -n 1p)"

if [ ! -f "$JAR" ]; then
  log "building $JAR"
  mvn -B -q -pl cli -am package -DskipTests
fi

# ---- 2. a private single-node cluster -----------------------------------------------------------
WORK="$(mktemp -d /tmp/spectlab-slurm.XXXXXX)"
chmod 755 "$WORK"
MUNGE="$WORK/munge"
S="$WORK/slurm"
mkdir -p "$MUNGE" "$S/state" "$S/spool"
chmod 755 "$MUNGE"   # munged wants its socket folder searchable by every user
MUNGED_STARTED=0 CTLD_PID="" SLURMD_PID=""
cleanup() {
  set +e
  if [ -n "$CTLD_PID" ] && kill -0 "$CTLD_PID" 2>/dev/null; then
    SLURM_CONF="$S/slurm.conf" timeout 20 scancel --quiet -u root 2>/dev/null
  fi
  for pid in $SLURMD_PID $CTLD_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  if [ "$MUNGED_STARTED" -eq 1 ] && [ -f "$MUNGE/munged.pid" ]; then
    pid="$(cat "$MUNGE/munged.pid")"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  fi
  rm -rf "$WORK"
  log "daemons stopped, $WORK removed"
}
trap cleanup EXIT
dump_logs() {
  for f in "$S/slurmctld.log" "$S/slurmd.log" "$MUNGE/munged.log"; do
    [ -f "$f" ] && { echo "---- $f (last 30 lines)" >&2; tail -30 "$f" >&2; }
  done
  return 0
}

log "starting munged (private key and socket in $MUNGE)"
dd if=/dev/urandom of="$MUNGE/munge.key" bs=1024 count=1 status=none
chmod 400 "$MUNGE/munge.key"
munged --force --key-file="$MUNGE/munge.key" --socket="$MUNGE/munge.socket" \
  --pid-file="$MUNGE/munged.pid" --log-file="$MUNGE/munged.log" --seed-file="$MUNGE/munged.seed" \
  || { dump_logs; fail "munged did not start"; }
MUNGED_STARTED=1
for _ in $(seq 1 50); do [ -S "$MUNGE/munge.socket" ] && break; sleep 0.1; done
[ -S "$MUNGE/munge.socket" ] || { dump_logs; fail "munged socket did not appear"; }
munge --socket="$MUNGE/munge.socket" -n | unmunge --socket="$MUNGE/munge.socket" >/dev/null \
  || { dump_logs; fail "munge credential round trip failed"; }

HOST="$(hostname -s)"
# CPUs, sockets, cores and memory as slurmd sees them (slurmd -C prints this node's NodeName line)
NODE_HW="$(slurmd -C 2>/dev/null | sed -n 1p | sed -e 's/^NodeName=[^ ]* //' -e 's/UpTime=.*//')"
[ -n "$NODE_HW" ] || NODE_HW="CPUs=$(nproc)"
cat > "$S/slurm.conf" <<CONF
ClusterName=spectlab-ci
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE/munge.socket
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmdTimeout=60
NodeName=$HOST NodeAddr=127.0.0.1 $NODE_HW State=UNKNOWN
PartitionName=spectlab Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"

log "starting slurmctld and slurmd ($HOST on 127.0.0.1, ports $CTLD_PORT/$SLURMD_PORT)"
slurmctld -D -i -f "$SLURM_CONF" > "$S/slurmctld.out" 2>&1 &
CTLD_PID=$!
slurmd -D -f "$SLURM_CONF" -N "$HOST" > "$S/slurmd.out" 2>&1 &
SLURMD_PID=$!
state=""
for _ in $(seq 1 120); do   # up to 60 s for the node to come up idle
  kill -0 "$CTLD_PID" 2>/dev/null || { cat "$S/slurmctld.out" >&2; dump_logs; fail "slurmctld exited"; }
  kill -0 "$SLURMD_PID" 2>/dev/null || { cat "$S/slurmd.out" >&2; dump_logs; fail "slurmd exited"; }
  state="$(timeout 10 sinfo -h -n "$HOST" -o %T 2>/dev/null | sed -n 1p || true)"
  [ "$state" = "idle" ] && break
  sleep 0.5
done
[ "$state" = "idle" ] || { dump_logs; fail "node $HOST is '$state', not idle, after 60 s"; }
log "node $HOST idle: $(sinfo -h -o '%P %c CPUs %m MB')"

# ---- 3. simulate, split, sbatch, merge, compare -------------------------------------------------
D="$WORK/data"
mkdir -p "$D"
cat > "$D/study.yaml" <<'YAML'
phantom:
  grid: {size: [32, 32, 16], voxel_mm: 6}
  sampling: {sub_samples: 2}
  preset: {name: uniform_cylinder, options: {diameter_mm: 120, length_mm: 72, concentration_bq_per_ml: 50000}}
nuclide: Tc-99m
camera: {collimator: siemens-lehr}
acquisition: {views: 32, radius_mm: 150, matrix: [32, 32], pixel_size_mm: 6, time_per_view_s: 10}
simulation: {histories: 50000, batches: 8, seed: 3, noise_realisations: 2, crystal_histories_per_keV: 1000}
YAML
log "single run (spectlab simulate)"
java -jar "$JAR" simulate "$D/study.yaml" --out "$D/single" --threads 2 --no-progress > "$D/single.log"
log "split into $JOBS jobs"
java -jar "$JAR" split "$D/study.yaml" --jobs "$JOBS" --out "$D/split" --launcher "java -jar $JAR"
log "sbatch --wait $D/split/slurm.sh"
set +e
timeout 900 sbatch --wait --chdir="$D/split" "$D/split/slurm.sh"
rc=$?
set -e
for f in "$D"/split/slurm-*.out; do [ -f "$f" ] && { echo "---- $(basename "$f")"; cat "$f"; }; done
[ "$rc" -eq 0 ] || { dump_logs; fail "sbatch --wait exited with $rc (124: timed out after 900 s)"; }
for k in $(seq 0 $((JOBS - 1))); do
  [ -f "$D/split/part-$k.bin" ] || fail "array task $k wrote no part-$k.bin"
done
log "merge"
java -jar "$JAR" merge "$D/split" --out "$D/merged" --threads 2
n=0
while IFS= read -r f; do
  rel="${f#"$D/single/"}"
  [ "$rel" = "study.json" ] && continue
  cmp "$D/single/$rel" "$D/merged/$rel" || fail "$rel of the merged study differs from the single run"
  n=$((n + 1))
done < <(find "$D/single" -type f | sort)
[ "$n" -ge 10 ] || fail "only $n data files compared"
log "$n data files of the SLURM-merged study identical (cmp) to the single run"
log "PASSED"
