package io.cluman.agent.driver;

import java.util.Map;
import java.util.Optional;

/** A driver whose engine keeps images and can tell their labels. */
public interface ImageLabels {
    /**
     * The labels of {@code image} as the engine has it now; empty when the engine does not have the image.
     * Never pulls.
     *
     * @param image a reference such as {@code busybox:1.36} or {@code registry:5000/app@sha256:...}
     * @throws DriverException ENGINE_UNAVAILABLE, ENGINE_ERROR
     */
    Optional<Map<String, String>> imageLabels(String image);
}
