#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every Moat test on a fresh Debian/Ubuntu machine: installs the Debian packages the tests
# start for real (Postfix, clamd, rbldnsd, PostgreSQL, miltertest, swaks), finds a JDK 21+,
# then builds and runs unit, integration and end-to-end tests with `./mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
JAVA_HOME="$(scripts/java-home.sh)"
export JAVA_HOME
echo "moat: using JDK at $JAVA_HOME"
exec ./mvnw -B -ntp verify "$@"
