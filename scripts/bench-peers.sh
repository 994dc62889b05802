# SPDX-License-Identifier: Apache-2.0
# Sourced by scripts/bench-milter.sh and scripts/bench-postfix.sh (not run on its own): starts the
# daemon's network peers for a full-pipeline benchmark in the run's work dir and writes the YAML
# sections that point the daemon at them.
#   RBL=1  Debian's rbldnsd on a free loopback UDP port, serving three small zones written here:
#          an IPv4 DNSBL (bl.moat-bench.test), an allow-list (wl.moat-bench.test) and a domain list
#          (dbl.moat-bench.test). Some of the TEST-NET-1 client addresses the load generator
#          connects from (192.0.2.1-254) and some URL hosts of the corpus are listed, so some
#          lookups hit. Answers carry TTL RBL_TTL seconds (default 10; negative answers too), so
#          the daemon keeps asking during a run rather than answering everything from its cache.
#   AV=1   Debian's clamd (clamav-daemon) in the foreground with a database written here (EICAR as a
#          body signature, one made-up hash signature of ours; freshclam cannot run here), on a unix
#          socket and a free loopback TCP port; AV_ENGINE=unix (default) or tcp picks the one Moat
#          uses, AV_SCAN=message (default) or parts sets antivirus.scan. Waits until clamd answers PING.
#          clamd logs every scan (LogClean yes) so the summary can count them. Its TemporaryDirectory
#          is AV_TMPDIR, default a fresh directory on /dev/shm (tmpfs), else the work dir.
# After peers_start: $peers_yaml (the rbl: and antivirus: sections), $peers_desc (one line for the
# header). peers_stop stops what peers_start started; peers_summary prints what they served.
# shellcheck shell=bash

peers_pids=()
peers_names=()
peers_yaml=""
peers_desc="DNS lists off, clamd off"

peers_free_port() {  # $1 = tcp|udp
  python3 -c "import socket,sys; s=socket.socket(type=socket.SOCK_DGRAM if sys.argv[1]=='udp' else socket.SOCK_STREAM); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()" "$1"
}

peers_start() {  # $1 = the run's work dir, $2 = the calling script's name (for messages)
  local work="$1" me="$2" rbl_desc="DNS lists off" av_desc="clamd off"
  [ "${RBL:-0}" = 1 ] && { peers_rbl "$work" "$me" || return 1; rbl_desc="$peers_rbl_desc"; }
  [ "${AV:-0}" = 1 ] && { peers_av "$work" "$me" || return 1; av_desc="$peers_av_desc"; }
  peers_desc="$rbl_desc; $av_desc"
}

peers_rbl() {
  local work="$1" me="$2" dir="$1/rbl" ttl="${RBL_TTL:-10}" bin port attempt
  bin="$(command -v rbldnsd || echo /usr/sbin/rbldnsd)"
  [ -x "$bin" ] || { echo "$me: RBL=1 needs rbldnsd (apt-get install rbldnsd)" >&2; return 1; }
  mkdir -p "$dir"
  cat > "$dir/blocklist.ip4" <<ZONE
# Benchmark DNSBL: an eighth of the load generator's client addresses, three return codes.
\$SOA $ttl ns.bl.moat-bench.test. hostmaster.bl.moat-bench.test. 1 600 300 86400 $ttl
\$TTL $ttl
:127.0.0.2:Listed by the Moat benchmark
192.0.2.1-16
192.0.2.17-24 :127.0.0.4:Listed as dynamic by the Moat benchmark
192.0.2.25-32 :127.0.0.10:Listed under two codes by the Moat benchmark
ZONE
  cat > "$dir/allowlist.ip4" <<ZONE
# Benchmark DNSWL: a few other client addresses.
\$SOA $ttl ns.wl.moat-bench.test. hostmaster.wl.moat-bench.test. 1 600 300 86400 $ttl
\$TTL $ttl
:127.0.10.2:Known good sender
192.0.2.200-215
ZONE
  cat > "$dir/domains.dnset" <<ZONE
# Benchmark domain list (URIBL): a few URL hosts of the SpamAssassin corpus (www.gnupg.org is the one
# in the body of bench-postfix's message) and some made-up ones.
\$SOA $ttl ns.dbl.moat-bench.test. hostmaster.dbl.moat-bench.test. 1 600 300 86400 $ttl
\$TTL $ttl
:127.0.1.2:Listed by the Moat benchmark
www.inphonic.com
us.click.yahoo.com
.geocrawler.com
www.gnupg.org
spammer.example
.bad.example
ZONE
  : > "$dir/rbldnsd.stats"
  chmod 755 "$dir"; chmod 644 "$dir"/*; chmod 666 "$dir/rbldnsd.stats"
  local user=()
  [ "$(id -u)" = 0 ] && user=(-u nobody)  # rbldnsd refuses to keep root
  for attempt in 1 2 3 4 5; do
    port="$(peers_free_port udp)"
    "$bin" -n -b "127.0.0.1/$port" -w "$dir" "${user[@]}" -s rbldnsd.stats -c 1 \
      bl.moat-bench.test:ip4set:blocklist.ip4 wl.moat-bench.test:ip4set:allowlist.ip4 \
      dbl.moat-bench.test:dnset:domains.dnset >"$work/rbldnsd.log" 2>&1 &
    peers_pids+=($!); peers_names+=(rbldnsd)
    for _ in $(seq 1 100); do
      grep -q " started " "$work/rbldnsd.log" 2>/dev/null && break
      kill -0 "${peers_pids[-1]}" 2>/dev/null || break
      sleep 0.05
    done
    if grep -q " started " "$work/rbldnsd.log"; then
      peers_rbl_desc="rbldnsd on udp 127.0.0.1:$port (3 zones, TTL ${ttl}s)"
      peers_yaml+="rbl:
  resolver: 127.0.0.1:$port
  timeout: ${RBL_TIMEOUT:-2s}
  zones:
    - name: BENCH_BL
      zone: bl.moat-bench.test
      weight: 2
      codes:
        - { value: 127.0.0.2, symbol: RBL_BENCH_SPAM, weight: 2 }
        - { mask: \"0x04\", symbol: RBL_BENCH_DYNAMIC, weight: 1 }
    - { name: BENCH_WL, zone: wl.moat-bench.test, weight: -3 }
    - { name: BENCH_DBL, zone: dbl.moat-bench.test, type: domain, weight: 1.5 }
"
      return 0
    fi
    kill "${peers_pids[-1]}" 2>/dev/null; wait "${peers_pids[-1]}" 2>/dev/null || true
    unset 'peers_pids[-1]' 'peers_names[-1]'
  done
  echo "$me: rbldnsd did not start:" >&2; cat "$work/rbldnsd.log" >&2; return 1
}

peers_av() {
  local work="$1" me="$2" dir="$1/clamd" bin port eicar custom
  bin="$(command -v clamd || echo /usr/sbin/clamd)"
  [ -x "$bin" ] || { echo "$me: AV=1 needs clamd (apt-get install clamav-daemon)" >&2; return 1; }
  mkdir -p "$dir/db"
  # EICAR put together from two halves, so that no scanner trips over this script.
  eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$'"EICAR-STANDARD-ANTIVIRUS-"'TEST-FILE!$H+H*'
  printf 'Moat.Bench.EICAR:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 -v | tr -d ' \n')" > "$dir/db/moat-bench.ndb"
  custom='MOAT-BENCH-CUSTOM-SIGNATURE: harmless, for benchmarks only'
  printf '%s:%s:Moat.Bench.Custom\n' "$(printf '%s\n' "$custom" | md5sum | cut -d' ' -f1)" "$(( ${#custom} + 1 ))" \
    > "$dir/db/moat-bench.hdb"
  port="$(peers_free_port tcp)"
  # clamd writes every INSTREAM to a file in TemporaryDirectory before scanning it: on ext4 the
  # file's creation was most of clamd's CPU, so the stream goes to tmpfs (docs/antivirus.md).
  local tmp="${AV_TMPDIR:-}"
  if [ -z "$tmp" ]; then
    tmp="$dir/tmp"
    [ -d /dev/shm ] && tmp="$(mktemp -d /dev/shm/moat-clamd.XXXXXX)"
  fi
  mkdir -p "$tmp"
  peers_av_tmp="$tmp"
  cat > "$dir/clamd.conf" <<CONF
Foreground yes
TCPSocket $port
TCPAddr 127.0.0.1
LocalSocket $dir/clamd.sock
DatabaseDirectory $dir/db
LogFile $dir/clamd.log
LogClean yes
TemporaryDirectory $tmp
MaxThreads ${AV_THREADS:-10}
Bytecode no
OfficialDatabaseOnly no
CONF
  "$bin" -c "$dir/clamd.conf" >"$dir/clamd.out" 2>&1 &
  peers_pids+=($!); peers_names+=(clamd)
  local t0 pong="" i
  t0=$(date +%s.%N)
  for i in $(seq 1 900); do
    pong="$(python3 - "$port" 2>/dev/null <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
s.sendall(b"zPING\0"); print(s.recv(16).rstrip(b"\0").decode())
PY
)" || true
    [ "$pong" = PONG ] && break
    kill -0 "${peers_pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$pong" != PONG ]; then
    echo "$me: clamd did not answer PING:" >&2; cat "$dir/clamd.out" >&2; return 1
  fi
  local engine="unix:$dir/clamd.sock"
  [ "${AV_ENGINE:-unix}" = tcp ] && engine="tcp:127.0.0.1:$port"
  peers_av_desc="clamd $("$bin" --version | cut -d/ -f1 | sed 's/ClamAV //') on $engine (2 signatures, up in $(python3 -c "import time; print(f'{time.time()-$t0:.1f}')") s, scan ${AV_SCAN:-message}, temporary files in $tmp)"
  peers_yaml+="antivirus:
  engines: [ \"$engine\" ]
  scan: ${AV_SCAN:-message}
"
}

peers_stop() {
  local p
  for p in "${peers_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${peers_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  case "${peers_av_tmp:-}" in /dev/shm/moat-clamd.*) rm -rf "$peers_av_tmp" ;; esac
  peers_pids=()
peers_names=()
}

peers_summary() {  # $1 = work dir, $2 = the daemon's message log; prints one line when peers ran
  local work="$1" log="$2" out=""
  if [ "${RBL:-0}" = 1 ]; then
    out+="rbldnsd answered $(grep "\*:" "$work/rbl/rbldnsd.stats" 2>/dev/null | tail -n 1 | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^\*:/) { split($i, f, ":"); print f[2] } }') queries"
    out+=", messages with RBL_/URIBL_ findings: $(grep -c -E 'RBL_BENCH|URIBL_BENCH' "$log" || true)"
  fi
  if [ "${AV:-0}" = 1 ]; then
    [ -n "$out" ] && out+="; "
    out+="clamd scanned $(grep -c -E ': OK$|FOUND$' "$work/clamd/clamd.log" 2>/dev/null || true) streams"
    out+=" ($(grep -c 'FOUND$' "$work/clamd/clamd.log" 2>/dev/null || true) infected), messages with AV_ findings: $(grep -c 'AV_' "$log" || true)"
  fi
  local i ticks
  ticks="$(getconf CLK_TCK)"
  for i in "${!peers_pids[@]}"; do  # CPU since start, warm-up included (fields 14 and 15 of /proc/PID/stat)
    out+="; ${peers_names[$i]} used $(awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' \
      "/proc/${peers_pids[$i]}/stat" 2>/dev/null || echo '?') s of CPU"
  done
  [ -z "$out" ] || echo "${out#; }"
}
