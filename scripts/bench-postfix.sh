#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What a Postfix admin feels: smtp-source sends N messages of about 5 KB into a private loopback
# Postfix 3.7 that relays everything to smtp-sink, once with Moat as its milter (B) and once with no
# milter (A), interleaved A B A B ... because the machine is noisy; prints every run and the medians.
# Also measures the latency Moat adds per message with one SMTP session.
# Needs root (postfix -c on a temp config directory), postfix, smtp-source and smtp-sink.
# Not a test: nothing here gates CI.
#
# Usage: sudo scripts/bench-postfix.sh
# Environment: MESSAGES (3000), SESSIONS ("10 50"), PAIRS (3), SINGLE_MESSAGES (300, 0 to skip the
#   one-session latency runs), WARMUP_MESSAGES (10000, sent through Moat first: a method run once per message reaches C2 only after thousands of messages, and C2 was still 6-10 % of Moat's CPU after 3000), MESSAGE_FILE (default: the corpus message closest to 5 KB),
#   SOURCE_OPTS (extra smtp-source options, e.g. -d to send all of a session's messages over one
#   connection), DAEMON_JAVA_OPTS (default -Xms64m -Xmx256m -XX:+UseSerialGC), KEEP=1 keeps the work dir,
#   BAYES_STATE=FILE to run PIPELINE=full with a trained statistical filter (a copy of FILE, a state
#   written by moat learn; default untrained), MILTER_SOCKET=unix to connect Postfix to Moat's unix socket instead of TCP (NO_REPLY=none|unix|all sets protocol.no-reply), PIPELINE=full|trace,
#   RBL=1 to start rbldnsd with three test zones and configure them (rbl:; the SMTP client is 127.0.0.1,
#   which is never looked up, so only the sender domain and URL hosts are), AV=1 to start clamd with a
#   test database and configure it (antivirus:); see scripts/bench-peers.sh for RBL_TTL, AV_ENGINE, AV_SCAN.
#   REFERENCE=every|moat-steps|envelope|content|eom-only puts a do-nothing libmilter milter in Moat's place (see
#   scripts/bench/null-milter.c): what the milter conversation alone costs Postfix.
#   e.g. sudo PIPELINE=full AV=1 SESSIONS=10 PAIRS=3 MESSAGES=1000 SINGLE_MESSAGES=200 scripts/bench-postfix.sh
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cd "$here"
export JAVA_HOME="${JAVA_HOME:-$("$here/scripts/java-home.sh")}"
messages="${MESSAGES:-3000}"
sessions_list="${SESSIONS:-10 50}"
pairs="${PAIRS:-3}"
single="${SINGLE_MESSAGES:-300}"

for p in postfix postconf postqueue smtp-source smtp-sink python3; do
  command -v "$p" >/dev/null || [ -x "/usr/sbin/$p" ] || { echo "bench-postfix: $p not found" >&2; exit 1; }
done
export PATH="$PATH:/usr/sbin"
[ "$(id -u)" = 0 ] || { echo "bench-postfix: run as root (postfix -c needs it)" >&2; exit 1; }
[ -f milter-server/target/moat-milter.jar ] || ./mvnw -o -q -pl milter-server -am package -DskipTests

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {
  for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "bench-postfix: nothing listens on port $1" >&2; return 1
}

work="$(mktemp -d /tmp/moat-bench-postfix.XXXXXX)"
chmod 755 "$work"
smtpd_port="$(free_port)"; sink_port="$(free_port)"; milter_port="$(free_port)"
etc="$work/etc"
mkdir -p "$etc" "$work/spool" "$work/data" "$work/moat-spool"
chown "$(postconf -d -h mail_owner 2>/dev/null || echo postfix)" "$work/data"

message="${MESSAGE_FILE:-}"
if [ -z "$message" ]; then
  corpus=""
  for c in "$here/../shared/corpus/train" "$here/../../shared/corpus/train" /work/shared/corpus/train; do
    [ -d "$c" ] && { corpus="$c"; break; }
  done
  [ -n "$corpus" ] || { echo "bench-postfix: no corpus; set MESSAGE_FILE" >&2; exit 1; }
  # The ham message whose size is closest to 5 KB, without its mbox "From " line.
  best="$(find "$corpus/ham" -type f -printf '%s %p\n' | sort -k2 \
    | awk '{d=$1-5120; if (d<0) d=-d; if (best=="" || d<bd) {bd=d; best=$2}} END{print best}')"
  sed '1{/^From /d}' "$best" > "$work/message.eml"
  message="$work/message.eml"
fi

cat > "$etc/main.cf" <<CF
compatibility_level = 3.6
config_directory = $etc
queue_directory = $work/spool
data_directory = $work/data
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = moat-bench.localdomain
mydomain = localdomain
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:$sink_port
maillog_file = $work/maillog
maillog_file_prefixes = $work
smtp_tls_security_level = none
smtpd_tls_security_level = none
biff = no
default_process_limit = 200
CF
# The project's own milter settings when the checkout has them (postfix-conf/), else the essentials.
if compgen -G "postfix-conf/main.cf.d/*.cf" >/dev/null; then
  cat postfix-conf/main.cf.d/*.cf >> "$etc/main.cf"
else
  printf 'milter_protocol = 6\nmilter_default_action = tempfail\n' >> "$etc/main.cf"
fi
cat > "$etc/master.cf" <<CF
127.0.0.1:$smtpd_port inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CF
postconf -c "$etc" -e "smtpd_milters ="

# shellcheck source=scripts/bench-peers.sh
. "$here/scripts/bench-peers.sh"
daemon=""; sink=""
cleanup() {
  postfix -c "$etc" stop >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  kill $daemon $sink 2>/dev/null || true
  # shellcheck disable=SC2086
  wait $daemon $sink 2>/dev/null || true
  peers_stop
  if [ "${KEEP:-0}" = 1 ]; then echo "bench-postfix: work dir kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
smtp-sink -u nobody "127.0.0.1:$sink_port" 1024 >/dev/null 2>&1 &
sink=$!
# Moat keeps everything in the work dir (its SQLite store too, never /var/lib/moat).
# PIPELINE=full (default): the daemon's default filters, an untrained statistical filter;
# PIPELINE=trace: content rules, the statistical filter and header checks off. DNS lists and clamd
# only with RBL=1 and AV=1 (either pipeline).
# BAYES_STATE=FILE: a trained statistical filter (a copy of FILE, written by moat learn).
[ -z "${BAYES_STATE:-}" ] || cp "$BAYES_STATE" "$work/bayes.state"
case "${PIPELINE:-full}" in
  full) filters=$'rules:\n  paths: []\nbayes:\n  state: '"$work/bayes.state" ;;
  trace) filters=$'rules:\n  enabled: false\nbayes:\n  state: none\nheaders:\n  enabled: false\ncontent:\n  enabled: false' ;;
  *) echo "bench-postfix: PIPELINE must be full or trace" >&2; exit 2 ;;
esac
cat > "$work/moat.yaml" <<YAML
listen: [ "inet:127.0.0.1:$milter_port", "unix:$work/milter.sock" ]
connections:
  unix-socket-mode: rw-rw-rw-
limits:
  spool-directory: $work/moat-spool
store:
  url: jdbc:sqlite:$work/moat.db
$filters
${NO_REPLY:+protocol:
  no-reply: $NO_REPLY
}
YAML
peers_start "$work" bench-postfix
printf '%s' "$peers_yaml" >> "$work/moat.yaml"
milter_endpoint="inet:127.0.0.1:$milter_port"
[ "${MILTER_SOCKET:-inet}" = unix ] && milter_endpoint="unix:$work/milter.sock"
if [ -n "${REFERENCE:-}" ]; then
  # Not Moat: sendmail's libmilter doing nothing (scripts/bench/null-milter.c), the floor any milter
  # starts from. Needs cc and libmilter-dev.
  cc -O2 -o "$work/null-milter" scripts/bench/null-milter.c -lmilter -lpthread \
    || { echo "bench-postfix: REFERENCE needs cc and libmilter-dev (apt-get install libmilter-dev)" >&2; exit 1; }
  # Both listeners, like Moat's: a libmilter process serves one socket, so one process each.
  (umask 000; exec "$work/null-milter" "$REFERENCE" "unix:$work/milter.sock") >/dev/null 2>"$work/null-unix.log" &
  daemon="$! "
  "$work/null-milter" "$REFERENCE" "inet:$milter_port@127.0.0.1" >/dev/null 2>"$work/moat-daemon.log" &
  : > "$work/moat-messages.log"
else
  MOAT_JAVA_OPTS="${DAEMON_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}" \
    bin/moat-milter --config "$work/moat.yaml" >"$work/moat-messages.log" 2>"$work/moat-daemon.log" &
fi
daemon="${daemon:-}$!"
wait_port "$sink_port"; wait_port "$milter_port"
postfix -c "$etc" start >/dev/null 2>&1 || { echo "bench-postfix: postfix did not start:" >&2; cat "$work/maillog" >&2 || true; exit 1; }
wait_port "$smtpd_port"

use_milter() {  # $1 = yes|no
  if [ "$1" = yes ]; then postconf -c "$etc" -e "smtpd_milters = $milter_endpoint"
  else postconf -c "$etc" -e "smtpd_milters ="; fi
  postfix -c "$etc" reload >/dev/null 2>&1
  sleep 2
}
drained() {
  for _ in $(seq 1 1200); do
    postqueue -c "$etc" -p 2>/dev/null | grep -q "Mail queue is empty" && return 0
    sleep 0.1
  done
  echo "bench-postfix: queue did not drain" >&2; return 1
}
# "<busy jiffies of the host> <jiffies of this script's process tree and Postfix's> <time>": the CPU the
# benchmark itself used (Moat, its peers, smtp-source, smtp-sink, Postfix with the children its
# master reaped), so that what other processes took can be told apart from it.
cpu_snapshot() {
  python3 - "$$" "$(cat "$work/spool/pid/master.pid" 2>/dev/null || echo 0)" <<'PY'
import os, sys, time
roots = {int(a) for a in sys.argv[1:] if int(a) > 0}
stats = {}
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            f = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(d)] = (int(f[1]), sum(int(x) for x in f[11:15]))  # ppid; utime+stime+cutime+cstime
ours, todo = set(), list(roots & stats.keys())
while todo:
    p = todo.pop(); ours.add(p)
    todo += [c for c, (pp, _) in stats.items() if pp == p and c not in ours]
cpu = open("/proc/stat").readline().split()[1:]
busy = sum(int(x) for x in cpu[:8]) - int(cpu[3]) - int(cpu[4])  # all but idle and iowait
print(busy, sum(stats[p][1] for p in ours), time.time())
PY
}
# CPU jiffies (user + system) of the milter process(es) so far.
milter_jiffies() {
  local j=0 p
  for p in $daemon; do j=$((j + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$j"
}
# One run: prints "<messages/s> <ms per message per session> <other processes' CPU %> <milter CPU ms per message>".
run() {  # $1 = sessions, $2 = messages
  local t0 t1 c0 c1 m0 m1
  m0=$(milter_jiffies)
  c0=$(cpu_snapshot)
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  smtp-source -s "$1" -m "$2" ${SOURCE_OPTS:-} -F "$message" -f sender@example.org -t user@moat.test \
    -M client.example "127.0.0.1:$smtpd_port" >/dev/null
  t1=$(date +%s.%N)
  c1=$(cpu_snapshot)
  drained
  m1=$(milter_jiffies)
  python3 -c "import os; s=$t1-$t0; b0,o0,w0=map(float,'$c0'.split()); b1,o1,w1=map(float,'$c1'.split())
print(f'{$2/s:.1f} {1000*s*$1/$2:.2f} {100*((b1-b0)-(o1-o0))/os.sysconf(\"SC_CLK_TCK\")/(w1-w0):.0f} {1000*($m1-$m0)/os.sysconf(\"SC_CLK_TCK\")/$2:.3f}')"
}
# One line of the results table: sessions, pair, milter, then the run's four figures.
row() { printf '%-10s %-5s %-8s %14s %16s %12s %16s\n' "$@"; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "bench-postfix: Postfix $(postconf -d -h mail_version) on 127.0.0.1:$smtpd_port -> smtp-sink :$sink_port; ${REFERENCE:+null-milter $REFERENCE instead of }Moat on $milter_endpoint; $(nproc) cores shared by all"
echo "bench-postfix: Moat pipeline ${PIPELINE:-full}, $peers_desc; message $(wc -c <"$message") bytes from $(basename "$message"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
use_milter no; run 10 200 >/dev/null                    # warm-up: start Postfix's processes, fill caches
use_milter yes; run 10 "${WARMUP_MESSAGES:-10000}" >/dev/null  # and let the daemon's JIT settle
row sessions pair milter msgs_per_s ms_per_msg others_cpu_% milter_cpu_ms/msg
for s in $sessions_list; do
  : > "$work/a-$s"; : > "$work/b-$s"
  for p in $(seq 1 "$pairs"); do
    use_milter no;  r=$(run "$s" "$messages"); echo "$r" >> "$work/a-$s"; row "$s" "$p" none $r
    use_milter yes; r=$(run "$s" "$messages"); echo "$r" >> "$work/b-$s"; row "$s" "$p" moat $r
  done
  a=$(cut -d' ' -f1 "$work/a-$s" | median); b=$(cut -d' ' -f1 "$work/b-$s" | median)
  o=$(cut -d' ' -f3 "$work/a-$s" "$work/b-$s" | median)
  echo "MEDIAN sessions=$s  no milter: $a msg/s   Moat: $b msg/s   Moat keeps $(python3 -c "print(f'{100*$b/$a:.0f}%')") of Postfix alone   (other processes: median $o % CPU of $(( $(nproc) * 100 )) %)"
done
if [ "$single" -gt 0 ]; then
  : > "$work/a-1"; : > "$work/b-1"
  for p in $(seq 1 "$pairs"); do
    use_milter no;  r=$(run 1 "$single"); echo "$r" >> "$work/a-1"; row 1 "$p" none $r
    use_milter yes; r=$(run 1 "$single"); echo "$r" >> "$work/b-1"; row 1 "$p" moat $r
  done
  a=$(cut -d' ' -f2 "$work/a-1" | median); b=$(cut -d' ' -f2 "$work/b-1" | median)
  echo "MEDIAN one session: no milter $a ms/msg, Moat $b ms/msg, Moat adds $(python3 -c "print(f'{$b-$a:.2f}')") ms per message"
fi
[ -n "${REFERENCE:-}" ] || echo "bench-postfix: Moat logged $(wc -l <"$work/moat-messages.log") messages"
echo "bench-postfix: load average $(cut -d' ' -f1-3 /proc/loadavg)"
summary="$(peers_summary "$work" "$work/moat-messages.log")"
[ -z "$summary" ] || echo "bench-postfix: $summary"
