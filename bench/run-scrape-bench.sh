#!/usr/bin/env bash
# The scrape benchmark: GET /metrics's work (fleet gauges refreshed from one pass, then the text format) at
# 10,000 nodes, in process, one thread, no HTTP: first scrape, steady scrapes, scrapes with node churn.
#   bench/run-scrape-bench.sh
#   bench/run-scrape-bench.sh --nodes 2000 --containers-per-node 5 --services 100 --scrapes 50
# MAVEN_OFFLINE= (empty) lets Maven download; BENCH_JAVA_OPTS adds options to the JVM (default -Xms1g -Xmx1g).
exec "$(dirname "$0")/in-process.sh" io.cluman.bench.prometheus.ScrapeBench "$@"
