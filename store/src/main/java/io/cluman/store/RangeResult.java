package io.cluman.store;

import java.util.List;

/** The keys of a range read, in key order, and the store revision the read saw. */
public record RangeResult(List<KeyValue> kvs, long revision) {
    public RangeResult {
        kvs = List.copyOf(kvs);
    }
}
