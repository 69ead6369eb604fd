package io.cluman.server.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell would for simple quoting: blanks separate words,
 * {@code '...'} keeps everything literally, {@code "..."} keeps blanks and honours {@code \"}, {@code \\},
 * {@code \$} and {@code \`}, and a backslash outside quotes keeps the next character. No expansion,
 * no operators: {@code a && b} is three words, as docker compose makes it.
 */
final class ShellWords {
    private ShellWords() {
    }

    /** The words of {@code line}; IllegalArgumentException for an unterminated quote or a trailing backslash. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' quote in: " + line);
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    throw new IllegalArgumentException("a trailing backslash in: " + line);
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a "..." quote's content starting at {@code from}; the index after its closing quote. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated \" quote in: " + line);
    }
}
