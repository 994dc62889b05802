#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian/Ubuntu packages Moat's build and tests need, and stops the
# services the packages start on their own: the tests start their own copies on
# loopback. Safe to run again. Needs root (or sudo).
# With --runtime it only makes sure a JDK 21+ is there (all the daemon and the CLI need).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
here="$(cd "$(dirname "$0")" && pwd)"

# A JDK 21 or newer: use one that is there, else install the distribution's (Ubuntu 22.04+,
# Debian 13+ have openjdk-21; Debian 12 has none in main, so install Temurin 21+ by hand there).
if ! "$here/java-home.sh" >/dev/null 2>&1; then
  echo "moat: no JDK 21+ found; trying the distribution's openjdk-21-jdk-headless"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-21-jdk-headless >/dev/null \
    || { echo "moat: could not install a JDK 21+; install one (e.g. Temurin 21) and set JAVA_HOME" >&2; exit 1; }
fi
if [ "${1:-}" = "--runtime" ]; then
  exit 0
fi

PACKAGES=(
  postfix          # the MTA Moat plugs into (postfix, postconf, smtp-source, smtp-sink)
  miltertest       # OpenDKIM's independent milter client, for conformance tests
  swaks            # SMTP test client
  clamav-daemon    # clamd, the antivirus engine
  rbldnsd          # DNS blocklist server for RBL tests
  postgresql       # the fleet store
  sqlite3          # inspecting the embedded store by hand
  curl ca-certificates unzip
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "moat: installing Debian packages: ${missing[*]}"
  # Postfix asks debconf questions; answer them so nothing waits for a human.
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  echo "postfix postfix/mailname string moat-test.localdomain" | $SUDO debconf-set-selections
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The packaged services would compete with the tests' own instances for ports and
# (for clamd) wait forever for freshclam, which cannot reach the internet here.
for svc in postfix clamav-daemon clamav-freshclam rbldnsd postgresql; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $SUDO systemctl stop "$svc" || true
  elif command -v service >/dev/null 2>&1; then
    $SUDO service "$svc" stop >/dev/null 2>&1 || true
  fi
done

echo "moat: dependencies ready"
