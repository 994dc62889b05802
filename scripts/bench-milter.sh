#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Milter benchmark: starts bin/moat-milter (-Xmx256m, GC log on) on a free loopback port, plays
# Postfix 3.7 against it with the load generator (benchmarks/target/moat-bench.jar), prints the
# figures and stops the daemon. Not a test: nothing here gates CI.
#
# Usage: scripts/bench-milter.sh [load generator options...]
#   e.g. scripts/bench-milter.sh --duration 30 --connections 50 --messages-per-connection 1
#        scripts/bench-milter.sh --json
# Environment: CORPUS (default ../shared/corpus/train beside the checkout, or /work/shared/corpus/train),
#   DAEMON_JAVA_OPTS (default -Xms64m -Xmx256m -XX:+UseSerialGC), BENCH_JAVA_OPTS (generator JVM),
#   NO_REPLY=none|unix|all (protocol.no-reply; default: the daemon's default), PIPELINE=trace|full (see below), TRANSPORT=unix to load the daemon over its unix socket instead of TCP,
#   BAYES_STATE=FILE to start PIPELINE=full with a trained statistical filter (a copy of FILE, a state
#   written by moat learn; default: untrained, so no message is tokenised),
#   JFR=1 to record a flight recording of the daemon (path printed at the end), KEEP=1 to keep the work dir,
#   RBL=1 to start rbldnsd with three test zones and configure them (rbl:), AV=1 to start clamd with a
#   test database and configure it (antivirus:); see scripts/bench-peers.sh for RBL_TTL, AV_ENGINE, AV_SCAN.
#   e.g. PIPELINE=full RBL=1 AV=1 scripts/bench-milter.sh --warmup 15 --duration 20
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cd "$here"
export JAVA_HOME="${JAVA_HOME:-$("$here/scripts/java-home.sh")}"
java="$JAVA_HOME/bin/java"

corpus="${CORPUS:-}"
if [ -z "$corpus" ]; then
  for c in "$here/../shared/corpus/train" "$here/../../shared/corpus/train" /work/shared/corpus/train; do
    [ -d "$c" ] && { corpus="$c"; break; }
  done
fi
[ -d "$corpus" ] || { echo "bench-milter: corpus not found; set CORPUS=DIR" >&2; exit 1; }
for d in ham spam hard-ham; do
  [ -d "$corpus/$d" ] || { echo "bench-milter: $corpus has no $d/ folder; CORPUS must hold ham/, spam/ and hard-ham/" >&2; exit 1; }
done

if [ ! -f milter-server/target/moat-milter.jar ] || [ ! -f benchmarks/target/moat-bench.jar ] \
   || [ -n "$(find milter-server/src benchmarks/src -newer benchmarks/target/moat-bench.jar -type f -print -quit)" ]; then
  echo "bench-milter: building (./mvnw -o -q -pl benchmarks -am package -DskipTests)" >&2
  ./mvnw -o -q -pl benchmarks -am package -DskipTests
fi

work="$(mktemp -d /tmp/moat-bench.XXXXXX)"
# shellcheck source=scripts/bench-peers.sh
. "$here/scripts/bench-peers.sh"
daemon=""
cleanup() {
  [ -z "$daemon" ] || { kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true; }
  peers_stop
  if [ "${KEEP:-0}" = 1 ] || [ "${JFR:-0}" = 1 ]; then echo "bench-milter: work dir kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
opts="${DAEMON_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC} -Xlog:gc:file=$work/gc.log"
if [ "${JFR:-0}" = 1 ]; then
  opts="$opts -XX:StartFlightRecording=filename=$work/daemon.jfr,settings=profile"
fi
mkdir -p "$work/spool"
[ -z "${BAYES_STATE:-}" ] || cp "$BAYES_STATE" "$work/bayes.state"
# Everything the daemon writes stays in the work dir (its SQLite store too, never /var/lib/moat).
# PIPELINE=trace (default): the trace-only pipeline issue 2 sets targets for (content rules, the
# statistical filter, header checks and the MIME walk off; envelope filters, GTUBE, size limits, trace header and
# the message log stay). PIPELINE=full: the daemon's defaults (Moat's rule set, header checks, an
# untrained statistical filter). DNS lists and clamd only with RBL=1 and AV=1 (either pipeline).
case "${PIPELINE:-trace}" in
  trace) filters=$'rules:\n  enabled: false\nbayes:\n  state: none\nheaders:\n  enabled: false\ncontent:\n  enabled: false' ;;
  full) filters=$'rules:\n  paths: []\nbayes:\n  state: '"$work/bayes.state" ;;
  *) echo "bench-milter: PIPELINE must be trace or full" >&2; exit 2 ;;
esac
cat > "$work/moat.yaml" <<YAML
listen: [ "inet:127.0.0.1:$port", "unix:$work/milter.sock" ]
limits:
  spool-directory: $work/spool
store:
  url: jdbc:sqlite:$work/moat.db
${NO_REPLY:+protocol:
  no-reply: $NO_REPLY
}$filters
YAML
peers_start "$work" bench-milter
printf '%s' "$peers_yaml" >> "$work/moat.yaml"
MOAT_JAVA_OPTS="$opts" bin/moat-milter --config "$work/moat.yaml" >"$work/messages.log" 2>"$work/daemon.log" &
daemon=$!

for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$daemon" 2>/dev/null || { echo "bench-milter: daemon did not start:" >&2; cat "$work/daemon.log" >&2; exit 1; }
  sleep 0.1
done
# bin/moat-milter execs java, so $daemon is the JVM's PID.
echo "bench-milter: pipeline ${PIPELINE:-trace}, $peers_desc; daemon pid $daemon on 127.0.0.1:$port and $work/milter.sock ($opts); $(nproc) cores shared with the generator" >&2

target="127.0.0.1:$port"
[ "${TRANSPORT:-inet}" = unix ] && target="unix:$work/milter.sock"
status=0
# shellcheck disable=SC2086
"$java" ${BENCH_JAVA_OPTS:--Xmx512m} -jar benchmarks/target/moat-bench.jar --target "$target" \
  --corpus "$corpus/ham" --corpus "$corpus/spam" --corpus "$corpus/hard-ham" \
  --daemon-pid "$daemon" --gc-log "$work/gc.log" "$@" || status=$?
echo "bench-milter: daemon logged $(wc -l <"$work/messages.log") message lines" >&2
summary="$(peers_summary "$work" "$work/messages.log")"
[ -z "$summary" ] || echo "bench-milter: $summary" >&2
exit "$status"
