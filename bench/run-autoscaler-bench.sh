#!/usr/bin/env bash
# The autoscaler benchmark: one evaluation of every policy (services x replicas, a minute of stats each) over
# the embedded store and the metrics history, in process, one thread.
#   bench/run-autoscaler-bench.sh
#   bench/run-autoscaler-bench.sh --services 1000 --replicas 10 --rounds 20
# MAVEN_OFFLINE= (empty) lets Maven download; BENCH_JAVA_OPTS adds options to the JVM (default -Xms1g -Xmx1g).
exec "$(dirname "$0")/in-process.sh" io.cluman.bench.autoscale.AutoscalerBench "$@"
