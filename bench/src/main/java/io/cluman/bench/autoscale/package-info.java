/** The autoscaler's cost: one evaluation of many policies over a real store and metrics history. */
package io.cluman.bench.autoscale;
