package io.cluman.client.tls;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/** EC P-256 (secp256r1) key pairs: the only key type of the cluster PKI. */
public final class EcKeys {
    private static final String CURVE = "secp256r1";
    private static final ECParameterSpec P256 = p256();

    private EcKeys() {
    }

    /** A new P-256 key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    /** Whether {@code key} is an EC key on P-256: same curve, generator and order, not just the same size. */
    public static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        ECParameterSpec params = ec.getParams();
        return params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder()) && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(CURVE));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM does not know EC P-256", e);
        }
    }
}
