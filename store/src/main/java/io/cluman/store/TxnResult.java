package io.cluman.store;

/**
 * The outcome of a {@link Txn}.
 *
 * @param succeeded whether the compares held
 * @param revision  the store revision after the transaction (unchanged when it wrote nothing)
 */
public record TxnResult(boolean succeeded, long revision) {
}
