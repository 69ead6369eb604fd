package io.cluman.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void alignsColumnsUnderUpperCaseHeaders() {
        String text = Table.of("id", "name", "state")
                .row("n-1", "alpha", "ACTIVE")
                .row("n-10", "b", "DRAINING")
                .render();

        assertThat(text).isEqualTo("""
                ID    NAME   STATE
                n-1   alpha  ACTIVE
                n-10  b      DRAINING
                """);
    }

    @Test
    void printsMissingAndEmptyCellsAsDashAndLeavesNoTrailingBlanks() {
        String text = Table.of("A", "B", "C").row(null, "", "x").row("long value", "y", "").render();

        assertThat(text).isEqualTo("""
                A           B  C
                -           -  x
                long value  y  -
                """);
        assertThat(text.lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertThat(Table.of("ID", "NAME").render()).isEqualTo("ID  NAME\n");
    }

    @Test
    void keepsEachRowOnOneLine() {
        assertThat(Table.of("MESSAGE").row("two\nlines").render()).isEqualTo("MESSAGE\ntwo lines\n");
    }

    @Test
    void rejectsARowOfTheWrongWidth() {
        assertThatThrownBy(() -> Table.of("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells");
    }

    @Test
    void laysOutAStreamedRowWithFixedWidths() {
        assertThat(Table.line(List.of("1", "node", "hello"), new int[] {4, 6, 0})).isEqualTo("1     node    hello");
    }
}
