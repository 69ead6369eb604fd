package io.cluman.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KeyValueTest {
    @Test
    void parsesKeyAndValue() {
        assertThat(KeyValue.parse("zone=eu-1")).isEqualTo(new KeyValue("zone", "eu-1"));
        assertThat(KeyValue.parse("expr=a=b")).isEqualTo(new KeyValue("expr", "a=b"));
        assertThat(KeyValue.parse("gone=")).isEqualTo(new KeyValue("gone", ""));
    }

    @Test
    void rejectsTextThatIsNotKeyEqualsValue() {
        assertThatThrownBy(() -> KeyValue.parse("zone")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'zone' is not key=value");
        assertThatThrownBy(() -> KeyValue.parse("=v")).hasMessageContaining("empty key");
        assertThatThrownBy(() -> KeyValue.parse("a b=v")).hasMessageContaining("blanks");
    }

    @Test
    void keepsTheLastValueOfARepeatedKeyInOrder() {
        assertThat(KeyValue.toMap(List.of(KeyValue.parse("b=1"), KeyValue.parse("a=2"), KeyValue.parse("b=3"))))
                .containsExactly(java.util.Map.entry("b", "3"), java.util.Map.entry("a", "2"));
    }

    @Test
    void aBadSelectorIsAUsageErrorNamingTheOption() {
        Run run = run("cluster", "create", "web", "--selector", "tier=web,oops");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--selector").contains("'oops' is not key=value");
    }

    @Test
    void aBadLabelArgumentIsAUsageErrorNamingTheParameter() {
        Run run = run("node", "label", "n-1", "=x");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("positional parameter k=v").contains("'=x' has an empty key");
        assertThat(run("node", "label", "n-1", "zone=a", "disk").err).contains("'disk' is not key=value");
    }

    @Test
    void aBadBatchLabelIsAUsageErrorNamingTheOption() {
        Run run = run("node", "batch", "drain", "--label", "zone");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--label").contains("'zone' is not key=value");
    }

    @Test
    void aBadAgentLabelIsAUsageErrorNamingTheOption() {
        Run run = run("agent", "--join", "http://x", "--token", "t", "--labels", "a=1,b");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--labels").contains("'b' is not key=value");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
