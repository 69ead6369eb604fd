package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.validation.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {
    private static final Map<String, String> VARIABLES = Map.of("TAG", "1.2", "EMPTY", "", "HOST", "db");

    private final Findings findings = new Findings();
    private final Interpolator interpolator = new Interpolator(VARIABLES, findings);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "nginx:${TAG}|nginx:1.2",
            "nginx:$TAG|nginx:1.2",
            "$HOST:5432|db:5432",
            "${MISSING:-8.4}|8.4",
            "${EMPTY:-dflt}|dflt",
            "${EMPTY-dflt}|''",
            "${MISSING-dflt}|dflt",
            "${TAG:-dflt}|1.2",
            "${TAG:+set}|set",
            "${MISSING:+set}|''",
            "${EMPTY+set}|set",
            "${EMPTY:+set}|''",
            "${MISSING:-${HOST}-x}|db-x",
            "$$HOME and $${HOST}|$HOME and ${HOST}",
            "costs 5$|costs 5$",
            "a $1 b|a $1 b",
            "${TAG:?needed}|1.2",
            "no variables|no variables"})
    void replaces(String text, String expected) {
        assertThat(interpolator.text(text, "p")).isEqualTo(expected);
        assertThat(findings.warnings()).isEmpty();
        assertThat(findings.hasErrors()).isFalse();
    }

    @Test
    void aMissingVariableIsEmptyWithAWarning() {
        assertThat(interpolator.text("redis:${REDIS_TAG}", "services.cache.image")).isEqualTo("redis:");
        assertThat(findings.warnings()).containsExactly(new ComposeWarning("services.cache.image",
                "variable REDIS_TAG is not set: an empty string is used"));
    }

    @Test
    void aRequiredVariableThatIsMissingOrEmptyIsAnError() {
        interpolator.text("${PASSWORD:?set the password}", "services.db.environment.PW");
        interpolator.text("${EMPTY:?}", "x");
        interpolator.text("${EMPTY?fine when set}", "y");
        assertThat(errors()).containsExactly(
                new FieldError("services.db.environment.PW", "variable PASSWORD is required: set the password"),
                new FieldError("x", "variable EMPTY is required"));
    }

    @Test
    void malformedExpressionsAreErrors() {
        interpolator.text("${TAG", "a");
        interpolator.text("${}", "b");
        interpolator.text("${TAG/x/y}", "c");
        assertThat(errors()).extracting(FieldError::field).containsExactly("a", "b", "c");
    }

    @Test
    void treesAreReplacedValueByValueButNotKeysNorExtensions() {
        Object tree = Map.of("${TAG}", List.of("$HOST"), "x-raw", "${UNSET}");
        assertThat(interpolator.tree(tree, "")).isEqualTo(Map.of("${TAG}", List.of("db"), "x-raw", "${UNSET}"));
        assertThat(findings.warnings()).isEmpty();
    }

    private List<FieldError> errors() {
        try {
            findings.throwIfErrors();
            return List.of();
        } catch (ComposeException e) {
            return e.errors();
        }
    }
}
