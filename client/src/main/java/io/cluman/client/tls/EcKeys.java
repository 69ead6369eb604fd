package io.cluman.client.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/** EC P-256 (secp256r1) key pairs: the only key type of the cluster PKI. */
public final class EcKeys {
    /** The curve's order in bits; P-256 is the one 256-bit prime curve the JDK offers. */
    private static final int P256_BITS = 256;

    private EcKeys() {
    }

    /** A new P-256 key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    /** Whether {@code key} is an EC key on P-256. */
    public static boolean isP256(PublicKey key) {
        return key instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() == P256_BITS
                && ec.getParams().getCurve().getField().getFieldSize() == P256_BITS;
    }
}
