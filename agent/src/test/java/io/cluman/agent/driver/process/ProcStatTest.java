package io.cluman.agent.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void readsTheFieldsAfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 12 30 0 0 20 0 1 0 987654 "
                + "3133440 380 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcStat.parse(line)).contains(new ProcStat(4242, 'S', 1, 4242, 4242, 42, 987654));
    }

    @Test
    void garbageIsNothing() {
        assertThat(ProcStat.parse("")).isEmpty();
        assertThat(ProcStat.parse("12 (x) S 1 2")).isEmpty();
        assertThat(ProcStat.parse(null)).isEmpty();
    }

    @Test
    void thisJvmIsAliveAndAZombieOrAnotherStartTimeIsNot() {
        long pid = ProcessHandle.current().pid();
        ProcStat self = ProcStat.read(pid).orElseThrow();

        assertThat(ProcStat.alive(pid, self.startTime())).isTrue();
        assertThat(ProcStat.alive(pid, self.startTime() + 1)).isFalse();
        assertThat(new ProcStat(1, 'Z', 0, 0, 0, 0, 0).running()).isFalse();
        assertThat(ProcStat.read(-1)).isEmpty();
    }
}
