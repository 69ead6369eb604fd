package io.cluman.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void sealsSoThatOnlyTheSameKeyAndRecordOpen() {
        SecretBox box = SecretKeyFile.inDataDir(dir, random);
        String sealed = box.seal("s3cret", "local");

        assertThat(sealed).startsWith("v1:" + box.keyId() + ":").doesNotContain("s3cret");
        assertThat(box.seal("s3cret", "local")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "local")).isEqualTo("s3cret");
        assertThatThrownBy(() -> box.open(sealed, "other")).isInstanceOf(SecretBox.CannotOpen.class);
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(altered, "local")).isInstanceOf(SecretBox.CannotOpen.class);
    }

    @Test
    void anotherKeyIsNamedInTheRefusal() throws Exception {
        String sealed = SecretKeyFile.inDataDir(Files.createDirectory(dir.resolve("a")), random).seal("s3cret", "local");
        SecretBox other = SecretKeyFile.inDataDir(Files.createDirectory(dir.resolve("b")), random);

        assertThatThrownBy(() -> other.open(sealed, "local")).isInstanceOf(SecretBox.CannotOpen.class)
                .hasMessageContaining(other.keyId()).hasMessageContaining("--secret-key-file")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theKeyFileIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
        SecretBox first = SecretKeyFile.inDataDir(dir, random);
        Path file = dir.resolve(SecretKeyFile.DEFAULT_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretBox again = SecretKeyFile.inDataDir(dir, random);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.open(first.seal("pw", "r"), "r")).isEqualTo("pw");
    }

    @Test
    void aSharedKeyFileOpensWhatAnotherServerSealed() throws Exception {
        Path shared = dir.resolve("shared.key");
        byte[] key = new byte[32];
        random.nextBytes(key);
        Files.writeString(shared, Base64.getEncoder().encodeToString(key) + "\n");

        String sealed = SecretKeyFile.given(shared, random).seal("pw", "r");

        assertThat(SecretKeyFile.given(shared, random).open(sealed, "r")).isEqualTo("pw");
    }

    @Test
    void aGivenKeyFileThatIsMissingOrNotAKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> SecretKeyFile.given(dir.resolve("missing.key"), random))
                .hasMessageContaining("missing.key");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> SecretKeyFile.given(shortKey, random)).hasMessageContaining("32 bytes");
        Path notBase64 = dir.resolve("text.key");
        Files.writeString(notBase64, "not a key!");
        assertThatThrownBy(() -> SecretKeyFile.given(notBase64, random)).hasMessageContaining("not base64");
        assertThat(dir.resolve("missing.key")).doesNotExist();
    }
}
