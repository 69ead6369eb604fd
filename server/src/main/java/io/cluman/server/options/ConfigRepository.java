package io.cluman.server.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration repository: a bare clone in the server's data dir, fetched on {@link #refresh()}, whose
 * defaults files are read from the branch's tree (no checkout) into an immutable {@link ConfigSnapshot}.
 * A failed fetch keeps the last good snapshot and is reported by {@link #lastError()}. Thread-safe: refresh
 * is serialised, readers see a snapshot without locking.
 */
public final class ConfigRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigRepository.class);
    private static final Pattern DEFAULTS_FILE = Pattern.compile("[^/]+/[^/]+\\.(yml|yaml|properties)");
    private static final long MAX_FILE = 256 * 1024;

    private final ConfigGitSettings settings;
    private final Path dir;
    private final InstantSource clock;
    private volatile ConfigSnapshot snapshot = ConfigSnapshot.EMPTY;
    private volatile String lastError = null;

    public ConfigRepository(ConfigGitSettings settings, Path dir, InstantSource clock) {
        this.settings = settings;
        this.dir = dir;
        this.clock = clock;
    }

    public ConfigSnapshot snapshot() {
        return snapshot;
    }

    /** Why the last refresh failed; empty after a good one. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public ConfigGitSettings settings() {
        return settings;
    }

    /**
     * Clones (first time, or when the URL changed) or fetches, then reads the branch's tree when its commit
     * moved. Never throws: a failure is kept in {@link #lastError()}.
     *
     * @return whether the snapshot changed
     */
    public synchronized boolean refresh() {
        try (Git git = openOrClone()) {
            git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"))
                    .setCredentialsProvider(credentials()).call();
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve(settings.branch() == null ? "HEAD" : "refs/heads/" + settings.branch());
            if (head == null) {
                throw new IOException("branch " + (settings.branch() == null ? "HEAD" : settings.branch())
                        + " does not exist in " + settings.url());
            }
            lastError = null;
            if (head.name().equals(snapshot.commit())) {
                return false;
            }
            snapshot = new ConfigSnapshot(head.name(), readFiles(repo, head), clock.instant());
            LOG.info("config repository {} at {}: {} defaults files", settings.url(), snapshot.shortCommit(),
                    snapshot.files().size());
            return true;
        } catch (IOException | GitAPIException | RuntimeException e) {
            String message = "cannot read the config repository " + settings.url() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                LOG.warn(message);
            }
            lastError = message;
            return false;
        }
    }

    private Git openOrClone() throws IOException, GitAPIException {
        if (Files.exists(dir.resolve("HEAD"))) {
            Git git = Git.open(dir.toFile());
            String url = git.getRepository().getConfig().getString("remote", "origin", "url");
            if (settings.url().equals(url)) {
                return git;
            }
            git.close();
            deleteTree(dir);
        }
        Files.createDirectories(dir.getParent());
        return Git.cloneRepository().setURI(settings.url()).setDirectory(dir.toFile()).setBare(true)
                .setCredentialsProvider(credentials()).call();
    }

    private CredentialsProvider credentials() {
        return settings.hasCredentials() ? new UsernamePasswordCredentialsProvider(settings.username(),
                settings.password() == null ? "" : settings.password()) : null;
    }

    private static Map<String, String> readFiles(Repository repo, ObjectId commit) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                if (!DEFAULTS_FILE.matcher(path).matches()) {
                    continue;
                }
                ObjectLoader blob = repo.open(tree.getObjectId(0));
                if (blob.getSize() > MAX_FILE) {
                    LOG.warn("config repository: {} is larger than {} bytes, ignored", path, MAX_FILE);
                    continue;
                }
                files.put(path, new String(blob.getBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
