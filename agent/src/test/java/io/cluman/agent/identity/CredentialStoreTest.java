package io.cluman.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.agent.TestCa;
import io.cluman.client.tls.TlsIdentity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    private static final List<String> FILES = List.of(CredentialStore.KEY, CredentialStore.CERTIFICATE,
            CredentialStore.CA, CredentialStore.AGENT_URL, CredentialStore.LOCAL_API_KEY);

    @TempDir
    Path dir;
    private final TestCa ca = TestCa.create("cluster-ca");

    @Test
    void isEmptyBeforeTheFirstJoin() {
        assertThat(new CredentialStore(dir).load()).isEmpty();
    }

    @Test
    void keepsTheCredentialsOwnerOnlyAndReadsThemBack() throws IOException {
        NodeCredentials saved = credentials(ca.identity("node-1"));
        new CredentialStore(dir).save(saved);

        NodeCredentials loaded = new CredentialStore(dir).load().orElseThrow();

        assertThat(loaded.identity().key()).isEqualTo(saved.identity().key());
        assertThat(loaded.certificate()).isEqualTo(saved.certificate());
        assertThat(loaded.ca()).isEqualTo(ca.certificate());
        assertThat(loaded.agentUrl()).isEqualTo(URI.create("https://10.0.0.1:8763"));
        assertThat(loaded.localApiKey()).isEqualTo("api-key");
        for (String file : FILES) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aRenewedIdentityReplacesKeyAndCertificateOnly() {
        CredentialStore store = new CredentialStore(dir);
        store.save(credentials(ca.identity("node-1")));
        TlsIdentity renewed = ca.identity("node-1");

        store.saveIdentity(renewed);

        NodeCredentials loaded = store.load().orElseThrow();
        assertThat(loaded.certificate()).isEqualTo(renewed.certificate());
        assertThat(loaded.localApiKey()).isEqualTo("api-key");
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateCountsAsNoCredentials() throws IOException {
        CredentialStore store = new CredentialStore(dir);
        store.save(credentials(ca.identity("node-1")));
        Files.writeString(dir.resolve(CredentialStore.KEY), ca.identity("node-1").keyPem());

        assertThat(store.load()).isEmpty();
    }

    @Test
    void deleteRemovesEveryFile() {
        CredentialStore store = new CredentialStore(dir);
        store.save(credentials(ca.identity("node-1")));

        store.delete();

        assertThat(store.load()).isEmpty();
        FILES.forEach(file -> assertThat(dir.resolve(file)).doesNotExist());
    }

    private NodeCredentials credentials(TlsIdentity identity) {
        return new NodeCredentials(identity, ca.certificate(), URI.create("https://10.0.0.1:8763"), "api-key");
    }
}
