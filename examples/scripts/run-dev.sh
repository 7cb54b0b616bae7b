#!/bin/sh
# Start the API and a debugging shell next to it, the way the team's wiki says to.
set -eu

docker network create shop-dev 2>/dev/null || true

docker run -d --name shop-api \
  --network shop-dev \
  -p 3000:3000 \
  -e NODE_ENV=development \
  -v "$PWD/api:/app" \
  shop/api:dev

# A shell that can see the API's processes, for debugging.
docker run --rm -it --pid=container:shop-api --cap-add SYS_PTRACE busybox:1.36 sh

# The hardened way to run the worker.
docker run -d --name shop-worker \
  --read-only --tmpfs /tmp \
  --cap-drop ALL \
  --security-opt no-new-privileges \
  --memory 256m --cpus 0.5 --pids-limit 100 \
  --user 10001:10001 \
  shop/worker:1.4.2
