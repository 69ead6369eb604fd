package io.cluman.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the whole command line with captured stdout and stderr. */
public record Run(int code, String out, String err) {
    public static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs {@code args} against the server at {@code url} with the token {@code secret}. */
    public static Run against(String url, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--addr", url, "--token", "secret"}, 0, all, args.length, 4);
        return of(all);
    }
}
