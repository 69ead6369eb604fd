package io.cluman.server.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A real git repository on disk, written and committed with JGit, for the server to clone. */
public final class ConfigRepoFixture implements AutoCloseable {
    private final Path dir;
    private final Git git;

    private ConfigRepoFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static ConfigRepoFixture init(Path dir) {
        try {
            return new ConfigRepoFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL the server clones. */
    public String url() {
        return dir.toUri().toString();
    }

    /** Writes {@code path} with {@code content} and commits it; returns the commit id. */
    public String commit(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            git.add().addFilepattern(path).call();
            return git.commit().setMessage("set " + path).setAuthor("cluman test", "test@cluman.invalid")
                    .setCommitter("cluman test", "test@cluman.invalid").call().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
