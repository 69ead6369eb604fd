package io.cluman.client.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster CA's fingerprint and the pin that join tokens carry. A join token reads
 * {@code CLJ1-<pin>-<secret>}, the pin being the first 16 hex digits of the SHA-256 of the CA
 * certificate's DER: an agent compares it with the CA the server presents before trusting it.
 */
public final class CaPin {
    /** What every join token value starts with. */
    public static final String JOIN_TOKEN_PREFIX = "CLJ1-";
    private static final int PIN_HEX = 16;
    private static final Pattern JOIN_TOKEN = Pattern.compile("CLJ1-([0-9a-f]{16})-(.+)");

    private CaPin() {
    }

    /** The SHA-256 of the certificate's DER, 64 lower-case hex digits. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the certificate: " + e.getMessage(), e);
        }
    }

    /** The first 16 hex digits of {@link #fingerprint}. */
    public static String of(X509Certificate ca) {
        return fingerprint(ca).substring(0, PIN_HEX);
    }

    /** The pin in a join token value; empty when the value is not a join token of this format. */
    public static Optional<String> inJoinToken(String value) {
        Matcher m = JOIN_TOKEN.matcher(value == null ? "" : value.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether {@code ca} is the CA that {@code joinToken} pins. Not secret: a plain comparison will do. */
    public static boolean matches(String joinToken, X509Certificate ca) {
        return inJoinToken(joinToken).map(pin -> pin.equals(of(ca))).orElse(false);
    }
}
