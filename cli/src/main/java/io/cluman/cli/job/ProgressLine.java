package io.cluman.cli.job;

import java.io.PrintWriter;

/**
 * Where a long operation draws its progress, one line per state: redrawn in place with {@code \r} on a
 * terminal, printed again only when it changed otherwise (a log or a pipe gets plain lines).
 * Used by {@link JobWatcher} and by waits that follow something other than a job ({@code app deploy --wait}).
 */
public final class ProgressLine {
    /** The longest line redrawn in place: a longer one would wrap, and {@code \r} would only go back one row. */
    static final int TERMINAL_WIDTH = 120;
    private final PrintWriter err;
    private final boolean terminal;
    private String last = "";

    public ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Draws on {@code err}, redrawing in place when stderr is a terminal. */
    public static ProgressLine stderr(PrintWriter err) {
        return new ProgressLine(err, Terminal.stderrIsTerminal());
    }

    /** Shows {@code line}: over the previous one on a terminal (cut to fit), else as a new line if it differs. */
    public void draw(String full) {
        String line = terminal && full.length() > TERMINAL_WIDTH ? full.substring(0, TERMINAL_WIDTH - 1) + "…" : full;
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
        } else if (!line.equals(last)) {
            err.println(line);
        }
        err.flush();
        last = line;
    }

    /** Ends the redrawn line on a terminal, so what follows starts on its own line. */
    public void end() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
