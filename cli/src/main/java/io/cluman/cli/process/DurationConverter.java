package io.cluman.cli.process;

import io.cluman.model.validation.Durations;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads {@code 15s}, {@code 500ms}, {@code 2m}, {@code 1h30m}, {@code 1d}, a number of seconds, or ISO-8601
 * ({@code PT15S}): the forms of {@link Durations}.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
