package io.cluman.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.agent.identity.CredentialStore;
import io.cluman.client.tls.Csr;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joins sent again before one is answered ask for the same key: the server then knows them for one join. */
class NodeTlsJoinKeyTest {
    @TempDir
    Path dir;

    private static byte[] keyOf(String csr) throws Exception {
        return Csr.parse(csr).getSubjectPublicKeyInfo().getEncoded();
    }

    @Test
    void everyJoinUntilOneIsAnsweredAsksForTheSameKey() throws Exception {
        try (NodeTls tls = new NodeTls(new CredentialStore(dir), "http://127.0.0.1:9", "join-token",
                HttpClient::newBuilder, new SecureRandom())) {
            String first = tls.csrForJoin(null);
            String again = tls.csrForJoin(null);
            String withId = tls.csrForJoin("n-abcdefghij");

            assertThat(keyOf(again)).isEqualTo(keyOf(first));
            assertThat(keyOf(withId)).isEqualTo(keyOf(first));
        }
    }

    @Test
    void anotherAgentAsksForAnotherKey() throws Exception {
        try (NodeTls one = new NodeTls(new CredentialStore(dir.resolve("a")), "http://127.0.0.1:9", "t",
                HttpClient::newBuilder, new SecureRandom());
             NodeTls other = new NodeTls(new CredentialStore(dir.resolve("b")), "http://127.0.0.1:9", "t",
                     HttpClient::newBuilder, new SecureRandom())) {
            assertThat(keyOf(one.csrForJoin(null))).isNotEqualTo(keyOf(other.csrForJoin(null)));
        }
    }
}
