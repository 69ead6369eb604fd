package io.cluman.cli.process;

import io.cluman.server.api.RateLimit;
import picocli.CommandLine;

/** Reads {@code RATE/s[,BURST]} or {@code off}: the forms of {@link RateLimit#parse(String)}. */
final class RateLimitConverter implements CommandLine.ITypeConverter<RateLimit> {
    @Override
    public RateLimit convert(String value) {
        try {
            return RateLimit.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
