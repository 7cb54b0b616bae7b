#!/bin/sh
# Starts the worker with its own seccomp profile.
docker run -d --name worker --pids-limit 100 --cap-drop ALL --security-opt seccomp=profiles/worker.json acme/worker:1.4
