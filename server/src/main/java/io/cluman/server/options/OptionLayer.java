package io.cluman.server.options;

import java.util.List;

/**
 * One source of container options.
 *
 * @param source   where they come from: {@code image label}, {@code git web/nginx.yml@3f2a91c}, {@code request}
 * @param options  what it says
 * @param problems entries it had that could not be used (each ignored), e.g. {@code arg.memory: '12XB' is not a size}
 */
public record OptionLayer(String source, OptionSet options, List<String> problems) {
    public OptionLayer {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
