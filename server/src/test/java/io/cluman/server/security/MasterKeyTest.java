package io.cluman.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CLUMAN_MASTER_KEY} takes precedence over the key files; a malformed one stops the start. */
class MasterKeyTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void theEnvironmentWinsOverTheFiles() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        String env = Base64.getEncoder().encodeToString(key);
        SecretBox fromEnv = SecretKeyFile.choose(env, null, dir, random);
        SecretBox fromFile = SecretKeyFile.choose(null, null, dir, random);

        assertThat(fromEnv.keyId()).isNotEqualTo(fromFile.keyId());
        assertThat(SecretKeyFile.choose(" " + env + "\n", dir.resolve(SecretKeyFile.DEFAULT_FILE), dir, random)
                .keyId()).isEqualTo(fromEnv.keyId());
        assertThat(SecretKeyFile.choose("", null, dir, random).keyId()).as("blank is unset")
                .isEqualTo(fromFile.keyId());
    }

    @Test
    void aMalformedEnvironmentKeyIsAClearError() {
        assertThatThrownBy(() -> SecretKeyFile.choose("not base64!", null, dir, random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable CLUMAN_MASTER_KEY is not base64");
        assertThatThrownBy(() -> SecretKeyFile.choose(Base64.getEncoder().encodeToString(new byte[16]), null, dir,
                random)).hasMessageContaining("CLUMAN_MASTER_KEY holds 16 bytes").hasMessageContaining("32 bytes");
        assertThat(Files.exists(dir.resolve(SecretKeyFile.DEFAULT_FILE))).as("no file made on a refusal").isFalse();
    }
}
