package io.cluman.server.nodes;

import io.cluman.model.node.Node;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.RepositoryMirror;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The node records: the repository for writes and consistent reads, and its in-memory mirror for the
 * hot paths (heartbeats, liveness sweeps). Every write through here is offered to the mirror at once.
 */
public final class NodeRegistry {
    private final JsonRepository<Node> repository;
    private final RepositoryMirror<Node> mirror;

    public NodeRegistry(JsonRepository<Node> repository, RepositoryMirror<Node> mirror) {
        this.repository = repository;
        this.mirror = mirror;
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

    /** Whether a node other than {@code exceptId} carries {@code name}; looks at memory only, copies nothing. */
    public boolean nameTaken(String name, String exceptId) {
        return mirror.anyMatch(n -> n.name().equals(name) && !n.id().equals(exceptId));
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
        return repository.delete(node.id(), node.revision());
    }

    private Node remember(Node written) {
        mirror.offer(written.id(), written, written.revision());
        return written;
    }
}
