package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnBlanks() {
        assertThat(ShellWords.split("  nginx -g   'daemon off;'  ")).containsExactly("nginx", "-g", "daemon off;");
    }

    @Test
    void doubleQuotesKeepBlanksAndHonourEscapes() {
        assertThat(ShellWords.split("sh -c \"echo \\\"hi\\\" \\$HOME \\n\"")).containsExactly("sh", "-c",
                "echo \"hi\" $HOME \\n");
    }

    @Test
    void quotesJoinAdjacentTextAndMayBeEmpty() {
        assertThat(ShellWords.split("--opt='a b'\"c\" '' x\\ y")).containsExactly("--opt=a bc", "", "x y");
    }

    @Test
    void operatorsAreWordsNotShellSyntax() {
        assertThat(ShellWords.split("a && b | c")).isEqualTo(List.of("a", "&&", "b", "|", "c"));
    }

    @Test
    void unterminatedQuotesAreErrors() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).hasMessageContaining("unterminated '");
        assertThatThrownBy(() -> ShellWords.split("echo \"oops")).hasMessageContaining("unterminated \"");
        assertThatThrownBy(() -> ShellWords.split("echo \\")).hasMessageContaining("trailing backslash");
    }
}
