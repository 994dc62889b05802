#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints the home of a JDK 21 or newer: $JAVA_HOME if it qualifies, else the
# newest one under the usual JVM folders, else the one `javac` on PATH belongs to.
# Exits 1 with a clear message when there is none.
set -euo pipefail

major_of() { # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/javac" ] || return 0
  if [ -r "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/javac" -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
  fi
}

best="" best_major=0
consider() {
  local home="$1" m
  m="$(major_of "$home")"
  [ -n "$m" ] || return 0
  if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$home"; best_major="$m"; fi
}

if [ -n "${JAVA_HOME:-}" ]; then
  m="$(major_of "$JAVA_HOME")"
  if [ -n "$m" ] && [ "$m" -ge 21 ]; then echo "$JAVA_HOME"; exit 0; fi
fi
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/*; do
  [ -d "$d" ] && consider "$d"
done
if command -v javac >/dev/null 2>&1; then
  consider "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
if [ -z "$best" ]; then
  echo "moat: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt)." >&2
  echo "moat: install one, e.g. 'apt-get install openjdk-21-jdk' (Ubuntu 24.04, Debian 13) or Temurin 21+," >&2
  echo "moat: or set JAVA_HOME to it." >&2
  exit 1
fi
echo "$best"
