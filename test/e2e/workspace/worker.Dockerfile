# A queue worker that switches back to root at the end.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY worker /usr/local/bin/worker
USER root
CMD ["/usr/local/bin/worker"]
