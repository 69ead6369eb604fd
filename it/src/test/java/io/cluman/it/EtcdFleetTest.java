package io.cluman.it;

import io.cluman.store.testing.EtcdProcess;
import org.junit.jupiter.api.BeforeEach;

/** The fleet scenarios on a real etcd (Debian's etcd-server on loopback, one per test, stopped by PID). */
class EtcdFleetTest extends FleetContract {
    private EtcdProcess etcd;

    @BeforeEach
    void startEtcd() {
        etcd = EtcdProcess.start();
    }

    @Override
    void stopBackend() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Override
    String storeSpec() {
        return "etcd://" + etcd.endpoint().replaceFirst("^http://", "");
    }
}
