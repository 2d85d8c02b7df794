# Stand-in for the official nats alpine image: Debian's nats-server, and wget for health checks.
ARG BASE
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends nats-server wget \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data
EXPOSE 4222 6222 8222
CMD ["nats-server", "--jetstream", "--store_dir=/data", "--http_port=8222"]
