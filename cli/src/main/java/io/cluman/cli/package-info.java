/**
 * The {@code cluman} command line: {@link io.cluman.cli.Main} assembles the picocli command tree and
 * maps failures to exit codes (0 ok, 1 server-reported error, 2 usage error, 3 server unreachable).
 * Each command group lives in its own package; the shared pieces are {@code remote} (address,
 * token, client), {@code output} (tables, JSON, human formats) and {@code args} (k=v arguments).
 */
package io.cluman.cli;
