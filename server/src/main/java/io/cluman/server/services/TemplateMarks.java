package io.cluman.server.services;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.container.Container;
import io.cluman.model.service.Service;
import io.cluman.store.repo.StoreJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Marks each replica with the service generation and template it was made from, as two labels:
 * {@value #GENERATION} (for people) and {@value #TEMPLATE}, a digest of the template's JSON (for the
 * controller: a replica is current when its digest is the service template's, so a spec change that leaves
 * the template alone, or a revert to a template that is still running, moves nothing).
 */
final class TemplateMarks {
    static final String GENERATION = "cluman.service.generation";
    static final String TEMPLATE = "cluman.service.template";

    private TemplateMarks() {
    }

    /** A short digest of {@code template}: equal templates, equal digests. */
    static String digest(ContainerRequest template) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(StoreJson.write(template));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request for replica {@code name} of {@code s}, with the two labels added. */
    static ContainerRequest marked(Service s, String name) {
        ContainerRequest r = s.replica(name);
        Map<String, String> labels = new HashMap<>(r.labels() == null ? Map.of() : r.labels());
        labels.put(GENERATION, Long.toString(s.generation()));
        labels.put(TEMPLATE, digest(s.template()));
        return new ContainerRequest(r.name(), r.driver(), r.image(), r.command(), r.args(), r.node(), r.cluster(),
                r.env(), r.ports(), labels, r.resources(), r.restart(), r.workDir(), r.healthcheck());
    }

    /** Whether {@code c} was made from the template whose digest is {@code digest}. */
    static boolean madeFrom(Container c, String digest) {
        Map<String, String> labels = c.spec().labels();
        return labels != null && digest.equals(labels.get(TEMPLATE));
    }
}
