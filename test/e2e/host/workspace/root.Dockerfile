# A queue worker that switches back to root at the end (CT1002); a test turns that rule off.
FROM debian:bookworm-slim
COPY worker /usr/local/bin/worker
USER root
CMD ["/usr/local/bin/worker"]
