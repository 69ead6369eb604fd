package io.cluman.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "web-1", "x0", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123"})
    void acceptsDnsLabels(String name) {
        assertThat(Validator.isDnsLabel(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "Web", "a_b", "a.b", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234"})
    void refusesWhatIsNotADnsLabel(String name) {
        assertThat(Validator.isDnsLabel(name)).isFalse();
    }

    @Test
    void collectsEveryFieldErrorBeforeThrowing() {
        Validator v = new Validator().dnsLabel("name", "Bad_Name").labels("labels", Map.of("ok", "x y"));
        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "labels.ok");
            assertThat(e.errors().get(0).message()).contains("DNS label");
        });
    }
}
