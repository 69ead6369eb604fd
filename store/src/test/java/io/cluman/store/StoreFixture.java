package io.cluman.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What the parts of the store contract share: the store under test and a fresh key prefix per test. */
public interface StoreFixture {
    /** The longest a test waits for something asynchronous (watch delivery, lease expiry). */
    Duration WAIT = Duration.ofSeconds(15);

    KvStore store();

    /** A prefix no other test writes under. */
    String prefix();

    default String key(String name) {
        return prefix() + name;
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
