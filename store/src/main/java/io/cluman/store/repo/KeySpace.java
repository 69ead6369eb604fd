package io.cluman.store.repo;

/** Every key prefix Cluman writes, in one place. */
public final class KeySpace {
    public static final String ROOT = "/cluman/";
    public static final String NODES = ROOT + "nodes/";
    public static final String CLUSTERS = ROOT + "clusters/";
    public static final String JOBS = ROOT + "jobs/";
    public static final String EVENTS = ROOT + "events/";
    public static final String ERRORS = ROOT + "errors/";
    public static final String TOKENS = ROOT + "tokens/";
    public static final String CONTAINERS = ROOT + "containers/";
    public static final String CONTAINER_STATUS = ROOT + "container-status/";
    public static final String REGISTRIES = ROOT + "registries/";
    public static final String SERVICES = ROOT + "services/";
    public static final String AUTOSCALERS = ROOT + "autoscalers/";
    public static final String CHECKS = ROOT + "checks/";
    public static final String APPLICATIONS = ROOT + "applications/";
    /** The cluster CA: one record, {@code ca} (docs/adr/0006-cluster-ca.md). */
    public static final String PKI = ROOT + "pki/";
    /** Join tokens; apart from {@link #TOKENS}, which the API token mirror reads whole. */
    public static final String JOIN_TOKENS = ROOT + "join-tokens/";
    /** One guard key per node, rewritten by every placement on it (compare-and-swap between placements). */
    public static final String PLACEMENT_GUARDS = ROOT + "placement-guards/";
    public static final String LEADER = ROOT + "leader";

    private KeySpace() {
    }
}
