package io.cluman.server.registries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cluman.model.agent.RegistryLogin;
import io.cluman.model.node.Node;
import io.cluman.server.options.ImageLabelSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an image's labels from its registry, without pulling it: the manifest (for a multi-platform index,
 * the linux/amd64 one), then the image config blob, whose {@code config.Labels} are the labels. Speaks the
 * registry API v2 with basic or bearer-token authentication, using the login Cluman keeps for that registry.
 * Anything that goes wrong (no such image, registry unreachable, refused) is "cannot tell": empty.
 */
public final class ManifestLabels implements ImageLabelSource {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestLabels.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ACCEPT = String.join(", ", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Function<String, Optional<RegistryLogin>> logins;

    /** @param logins the login to use for an image, as {@link RegistryLogins#forImage} gives it */
    public ManifestLabels(Function<String, Optional<RegistryLogin>> logins) {
        this.logins = logins;
    }

    @Override
    public Optional<Map<String, String>> labels(Node node, String image) {
        try {
            ImageReference ref = ImageReference.parse(image);
            Session session = new Session(ref, logins.apply(image));
            JsonNode manifest = session.json("manifests/" + ref.reference(), ACCEPT);
            if (manifest.has("manifests")) {
                manifest = session.json("manifests/" + platformDigest(manifest), ACCEPT);
            }
            JsonNode config = session.json("blobs/" + manifest.path("config").path("digest").asText(), "*/*");
            Map<String, String> labels = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = config.path("config").path("Labels").fields();
            fields.forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return Optional.of(labels);
        } catch (IOException | RuntimeException e) {
            LOG.debug("no labels of {} from its registry: {}", image, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String platformDigest(JsonNode index) throws IOException {
        for (JsonNode m : index.path("manifests")) {
            JsonNode p = m.path("platform");
            if ("linux".equals(p.path("os").asText()) && "amd64".equals(p.path("architecture").asText())) {
                return m.path("digest").asText();
            }
        }
        throw new IOException("the image index has no linux/amd64 manifest");
    }

    /** Requests to one repository, remembering the authorization once a challenge was answered. */
    private final class Session {
        private final ImageReference ref;
        private final Optional<RegistryLogin> login;
        private String authorization;

        Session(ImageReference ref, Optional<RegistryLogin> login) {
            this.ref = ref;
            this.login = login;
        }

        JsonNode json(String path, String accept) throws IOException, InterruptedException {
            URI uri = URI.create(ref.baseUrl() + "/v2/" + ref.repository() + "/" + path);
            HttpResponse<byte[]> answer = send(uri, accept);
            if (answer.statusCode() == 401 && authorization == null) {
                authorization = answerChallenge(answer.headers().firstValue("WWW-Authenticate").orElse(""));
                answer = send(uri, accept);
            }
            if (answer.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + answer.statusCode());
            }
            return JSON.readTree(answer.body());
        }

        private HttpResponse<byte[]> send(URI uri, String accept) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private String answerChallenge(String challenge) throws IOException, InterruptedException {
            if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
                return basic().orElseThrow(() -> new IOException("the registry wants a login and has none"));
            }
            if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
                throw new IOException("unknown authentication challenge: " + challenge);
            }
            Map<String, String> params = new HashMap<>();
            Matcher m = PARAM.matcher(challenge);
            while (m.find()) {
                params.put(m.group(1), m.group(2));
            }
            String query = "?service=" + encode(params.getOrDefault("service", "")) + "&scope="
                    + encode(params.getOrDefault("scope", "repository:" + ref.repository() + ":pull"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(params.get("realm") + query))
                    .timeout(TIMEOUT);
            basic().ifPresent(b -> request.header("Authorization", b));
            HttpResponse<byte[]> answer = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IOException("the token service answered " + answer.statusCode());
            }
            JsonNode token = JSON.readTree(answer.body());
            String value = token.hasNonNull("token") ? token.get("token").asText() : token.path("access_token").asText();
            return "Bearer " + value;
        }

        private Optional<String> basic() {
            return login.map(l -> "Basic " + Base64.getEncoder().encodeToString(
                    (l.username() + ":" + l.password()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
