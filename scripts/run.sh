#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Moat and runs the milter daemon on the embedded defaults (listens on inet:127.0.0.1:7357
# and, when it may create it, unix:/run/moat/milter.sock). Extra arguments go to moat-milter,
# e.g. scripts/run.sh --config etc/moat.yml
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --runtime
JAVA_HOME="$(scripts/java-home.sh)"
export JAVA_HOME
if [ ! -f milter-server/target/moat-milter.jar ] || [ -n "$(find . -path ./.git -prune -o -name '*.java' -newer milter-server/target/moat-milter.jar -print -quit)" ]; then
  echo "moat: building (./mvnw package, tests skipped)..."
  ./mvnw -B -q -ntp -DskipTests package
fi
exec bin/moat-milter "$@"
