#!/usr/bin/env bash
# Builds the image and starts it (production mode, simulated payments, the embedded PostgreSQL in its
# DATA_DIR volume), then waits for GET /health. Run by .ci/run only where `docker info` succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
image="chartbridge:ci-$$"
name="chartbridge-ci-$$"
port=${CONTAINER_CHECK_PORT:-3999}
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker rmi "$image" >/dev/null 2>&1 || true
}
trap cleanup EXIT

docker build -q -t "$image" . >/dev/null
docker run -d --name "$name" -p "127.0.0.1:$port:3000" \
  -e JWT_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  -e DOCUMENT_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  -e PAYMENTS_SIMULATED=true -e WORKER_POLL_MS=0 \
  "$image" >/dev/null

for _ in $(seq 1 90); do
  if body=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null); then
    echo "container image: /health answered $body"
    user=$(docker exec "$name" id -un)
    [ "$user" != root ] || { echo "container image: runs as root" >&2; exit 1; }
    echo "container image: runs as $user"
    exit 0
  fi
  if [ "$(docker inspect -f '{{.State.Running}}' "$name")" != true ]; then break; fi
  sleep 1
done
echo "container image: /health did not answer within 90 s" >&2
docker logs "$name" >&2 || true
exit 1
