package io.cluman.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import io.cluman.scheduler.constraint.Constraint;
import io.cluman.scheduler.constraint.ConstraintException;
import io.cluman.scheduler.constraint.ConstraintParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintParserTest {
    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            zone=a                       | a       | true
            zone=a                       | b       | false
            zone=a                       | NULL    | false
            zone == a                    | a       | true
            zone!=b                      | a       | true
            zone!=b                      | b       | false
            zone != b                    | NULL    | true
            zone in (a,b)                | b       | true
            zone in ( a , b )            | a       | true
            zone in (a,b)                | c       | false
            zone in (a,b)                | NULL    | false
            hostname regexp ^web-\\d+$   | web-12  | true
            hostname regexp ^web-\\d+$   | web-x   | false
            hostname regexp ^web-\\d+$   | db-web-1| false
            hostname regexp web          | db-web-1| true
            hostname regexp ^web         | NULL    | false
            gpu exists                   | nvidia  | true
            gpu exists                   | ''      | true
            gpu exists                   | NULL    | false
            """)
    void everyOperatorDecidesAsDocumented(String text, String value, boolean expected) {
        assertThat(ConstraintParser.parse(text).test(value)).isEqualTo(expected);
    }

    @Test
    void parsesIntoCanonicalForms() {
        assertThat(ConstraintParser.parse(" zone = a ")).isEqualTo(new Constraint.Equals("zone", "a"))
                .hasToString("zone=a");
        assertThat(ConstraintParser.parse("zone!=b")).isEqualTo(new Constraint.NotEquals("zone", "b"));
        assertThat(ConstraintParser.parse("zone in(a, b)")).isEqualTo(new Constraint.In("zone", List.of("a", "b")))
                .hasToString("zone in (a,b)");
        assertThat(ConstraintParser.parse("node.labels/rack exists")).isEqualTo(new Constraint.Exists("node.labels/rack"));
        assertThat(ConstraintParser.parse("hostname regexp ^web-\\d+$")).hasToString("hostname regexp ^web-\\d+$")
                .isEqualTo(ConstraintParser.parse("hostname  regexp ^web-\\d+$"));
        assertThat(ConstraintParser.parse("kernel=5.10=lts")).isEqualTo(new Constraint.Equals("kernel", "5.10=lts"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zone like a          | 'zone like a': unknown operator 'like'
            zone ~ a             | 'zone ~ a': unknown operator '~'
            zone>=a              | 'zone>=a': unknown operator '>='
            zone < 3             | 'zone < 3': unknown operator '<'
            hostname regexp web-(  | 'hostname regexp web-(': invalid regexp: Unclosed group
            hostname regexp [a-   | 'hostname regexp [a-': invalid regexp:
            hostname regexp      | regexp needs a pattern
            zone in a,b          | in takes a list in parentheses
            zone in (a,,b)       | the list has an empty value
            zone=                | 'zone=' has no value after '='
            gpu exists yes       | exists takes no value
            zone                 | 'zone' is not a constraint
            =a                   | '=a' is not a constraint
            """)
    void rejectsWhatItCannotReadSayingWhy(String text, String message) {
        assertThatThrownBy(() -> ConstraintParser.parse(text)).isInstanceOf(ConstraintException.class)
                .hasMessageContaining(message.strip());
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> ConstraintParser.parse("  ")).isInstanceOf(ConstraintException.class)
                .hasMessageStartingWith("empty constraint");
    }

    @Test
    void unknownOperatorListsTheAcceptedOnes() {
        assertThatThrownBy(() -> ConstraintParser.parse("zone like a"))
                .hasMessageEndingWith("use key=value, key!=value, key in (a,b), key regexp pattern or key exists");
    }

    @Test
    void parseAllNamesEveryBadEntryByIndex() {
        assertThatThrownBy(() -> ConstraintParser.parseAll("constraints",
                List.of("zone=a", "zone like b", "gpu exists", "host regexp (")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("constraints[1]", "constraints[3]"));
        assertThat(ConstraintParser.parseAll("constraints", List.of("zone=a", "gpu exists")))
                .containsExactly(new Constraint.Equals("zone", "a"), new Constraint.Exists("gpu"));
    }
}
