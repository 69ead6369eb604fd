package io.cluman.server.nodes;

import io.cluman.model.node.Node;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.RepositoryMirror;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The node records: the repository for writes and consistent reads, and its in-memory mirror for the
 * hot paths (heartbeats, liveness sweeps). Every write through here is offered to the mirror at once.
 */
public final class NodeRegistry {
    private final JsonRepository<Node> repository;
    private final RepositoryMirror<Node> mirror;
    /** Node names to ids, for joins to pick unique names in O(1); kept by this server's writes. */
    private final Map<String, String> idsByName = new ConcurrentHashMap<>();

    public NodeRegistry(JsonRepository<Node> repository, RepositoryMirror<Node> mirror) {
        this.repository = repository;
        this.mirror = mirror;
        mirror.forEach(n -> idsByName.put(n.name(), n.id()));
    }

    /** The node as last seen in memory, falling back to the store. */
    public Optional<Node> cached(String id) {
        Optional<Node> node = mirror.get(id);
        return node.isPresent() ? node : repository.get(id);
    }

    /** The node as the store has it now. */
    public Optional<Node> read(String id) {
        return repository.get(id);
    }

    public java.util.List<Node> readAll() {
        return repository.list();
    }

    public Collection<Node> cachedAll() {
        return mirror.values();
    }

    /**
     * Whether a node other than {@code exceptId} carries {@code name}, as far as this server knows (the
     * nodes at its start and those it wrote since): names are for people, ids are the identity.
     */
    public boolean nameTaken(String name, String exceptId) {
        String owner = idsByName.get(name);
        return owner != null && !owner.equals(exceptId);
    }

    /** Visits every node in memory without copying. */
    public void forEachCached(java.util.function.Consumer<Node> visitor) {
        mirror.forEach(visitor);
    }

    public int size() {
        return mirror.size();
    }

    public Node create(Node node) {
        return remember(repository.create(node.id(), node));
    }

    public Node update(String id, UnaryOperator<Node> change) {
        return remember(repository.update(id, change));
    }

    public boolean delete(Node node) {
        boolean deleted = repository.delete(node.id(), node.revision());
        if (deleted) {
            idsByName.remove(node.name(), node.id());
        }
        return deleted;
    }

    private Node remember(Node written) {
        idsByName.putIfAbsent(written.name(), written.id());
        mirror.offer(written.id(), written, written.revision());
        return written;
    }
}
