package io.cluman.server.pki;

import io.cluman.model.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The subject alternative names of an issued certificate: host names as DNS names, IPv4 and IPv6
 * literals as IP addresses, duplicates dropped, order kept. Refuses anything else naming the field.
 */
final class SubjectNames {
    private static final Pattern DNS = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private SubjectNames() {
    }

    /** Whether {@code host} is an IP literal or a DNS name, so {@link #of} takes it. */
    static boolean valid(String host) {
        String h = host == null ? "" : host.strip();
        return IPV4.matcher(h).matches() || IPV6.matcher(h).matches() || DNS.matcher(h).matches();
    }

    /**
     * The names for {@code hosts} (each an IP literal or DNS name).
     *
     * @throws io.cluman.model.validation.ValidationException naming {@code field} and the bad entries
     */
    static List<GeneralName> of(String field, List<String> hosts) {
        Validator v = new Validator();
        Set<String> seen = new LinkedHashSet<>();
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            String h = host == null ? "" : host.strip();
            if (!seen.add(h)) {
                continue;
            }
            if (IPV4.matcher(h).matches() || IPV6.matcher(h).matches()) {
                try {
                    names.add(new GeneralName(GeneralName.iPAddress, h));
                } catch (IllegalArgumentException e) {
                    v.add(field, "'" + h + "' is not an IP address");
                }
            } else if (DNS.matcher(h).matches()) {
                names.add(new GeneralName(GeneralName.dNSName, h));
            } else {
                v.add(field, "'" + h + "' is neither an IP address nor a DNS name (e.g. 10.0.0.5, node-1.example)");
            }
        }
        v.throwIfInvalid();
        return names;
    }
}
