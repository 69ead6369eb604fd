package io.cluman.cli.job;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Whether stderr is a terminal, to redraw a progress line in place rather than print a line per change. */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        // Linux: fd 2 links to /dev/pts/N or /dev/ttyN when it is a terminal.
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return consoleIsTerminal();
    }

    /** Elsewhere: the console, via {@code Console.isTerminal()} on JDK 22+ (this code compiles for 21). */
    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only when attached to a terminal
        }
    }
}
