#!/bin/sh
# Starts the API for local development.
docker run -d --name api --pids-limit 100 --cap-drop ALL acme/api:1.4
