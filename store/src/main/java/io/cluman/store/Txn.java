package io.cluman.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * If every compare holds, apply {@code success}, else apply {@code failure}; atomically.
 * As in etcd, a key may appear at most once among the ops of one branch.
 */
public record Txn(List<Compare> compares, List<Op> success, List<Op> failure) {
    public Txn {
        compares = List.copyOf(compares);
        success = List.copyOf(success);
        failure = List.copyOf(failure);
        requireDistinctKeys(success, "success");
        requireDistinctKeys(failure, "failure");
    }

    private static void requireDistinctKeys(List<Op> ops, String branch) {
        Set<String> seen = new HashSet<>();
        for (Op op : ops) {
            if (!seen.add(op.key())) {
                throw new IllegalArgumentException("key " + op.key() + " appears twice in the " + branch + " ops");
            }
        }
    }

    public static Txn always(List<Op> ops) {
        return new Txn(List.of(), ops, List.of());
    }

    public static Txn when(List<Compare> compares, List<Op> success, List<Op> failure) {
        return new Txn(compares, success, failure);
    }
}
