package io.cluman.it;

/** The fleet scenarios on the embedded store. */
class EmbeddedFleetTest extends FleetContract {
    @Override
    String storeSpec() {
        return "embedded";
    }
}
