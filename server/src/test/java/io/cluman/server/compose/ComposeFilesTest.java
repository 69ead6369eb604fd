package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Realistic compose files, written in the styles people publish, read end to end. */
class ComposeFilesTest {

    static String resource(String name) {
        try (InputStream in = ComposeFilesTest.class.getResourceAsStream("/compose/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ComposeApplication parse(String file, Map<String, String> variables, Map<String, String> files) {
        return ComposeParser.parse(new ComposeSource(resource(file), null, variables, files));
    }

    private static List<String> warningPaths(ComposeApplication app) {
        return app.warnings().stream().map(ComposeWarning::path).toList();
    }

    @Test
    void wordpressStackUsesDefaultsAndWaitsForAHealthyDatabase() {
        ComposeApplication app = parse("wordpress.yml", Map.of("DB_PASSWORD", "s3cret", "WP_PORT", "8088"), null);

        assertThat(app.name()).isEqualTo("blog");
        assertThat(app.services()).extracting(ComposeService::name).containsExactly("db", "wordpress");
        ComposeService db = app.service("db");
        assertThat(db.image()).isEqualTo("mysql:8.4");
        assertThat(db.environment()).containsEntry("MYSQL_USER", "wordpress").containsEntry("MYSQL_PASSWORD", "s3cret")
                .containsEntry("MYSQL_RANDOM_ROOT_PASSWORD", "1");
        assertThat(db.restart()).isEqualTo("always");
        assertThat(db.healthcheck()).isEqualTo(new HealthCheckRequest("command",
                List.of("mysqladmin", "ping", "-h", "localhost"), null, null, "10s", "5s", 5, "30s"));
        ComposeService wp = app.service("wordpress");
        assertThat(wp.image()).isEqualTo("wordpress:6.6-apache");
        assertThat(wp.ports()).containsExactly("8088:80");
        assertThat(wp.restart()).as("unless-stopped").isEqualTo("always");
        assertThat(wp.dependsOn()).containsExactly(new ComposeDependency("db", DependencyCondition.SERVICE_HEALTHY));
        assertThat(wp.environment()).containsEntry("WORDPRESS_DB_PASSWORD", "s3cret");
        assertThat(warningPaths(app)).containsExactly("volumes", "services.db.volumes", "services.wordpress.volumes");
    }

    @Test
    void wordpressWithoutItsRequiredPasswordNamesTheVariable() {
        assertThatThrownBy(() -> parse("wordpress.yml", Map.of(), null))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("services.db.environment.MYSQL_PASSWORD",
                                "variable DB_PASSWORD is required: set DB_PASSWORD to the database password")));
    }

    @Test
    void webRedisWorkerIsOrderedByDependenciesWithAnchorsMerged() {
        ComposeApplication app = ComposeParser.parse(new ComposeSource(resource("web-redis-worker.yml"), "shop",
                null, null));

        assertThat(app.name()).isEqualTo("shop");
        assertThat(app.services()).extracting(ComposeService::name).containsExactly("redis", "migrate", "web", "worker");
        ComposeService web = app.service("web");
        assertThat(web.image()).isEqualTo("registry.example.com/shop/app:2.3.1");
        assertThat(web.command()).containsExactly("gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3",
                "shop.wsgi:application");
        assertThat(web.restart()).isEqualTo("on-failure");
        assertThat(web.dependsOn()).containsExactly(
                new ComposeDependency("redis", DependencyCondition.SERVICE_HEALTHY),
                new ComposeDependency("migrate", DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY));
        assertThat(web.healthcheck().command()).containsExactly("curl -fsS http://localhost:8000/healthz || exit 1");
        assertThat(web.healthcheck().interval()).isEqualTo("15s");
        assertThat(app.service("worker").environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "REDIS_URL", "redis://redis:6379/0", "LOG_LEVEL", "info", "WORKER_CONCURRENCY", "4"));
        assertThat(app.service("migrate").restart()).isEqualTo("no");
        assertThat(app.service("redis").command()).containsExactly("redis-server", "--appendonly", "yes", "--save", "");
        assertThat(app.service("redis").healthcheck().command()).containsExactly("redis-cli ping | grep PONG");
        assertThat(warningPaths(app)).containsExactly("version");
    }

    @Test
    void longSyntaxPortsBecomeClumanMappings() {
        ComposeApplication app = parse("long-ports.yml", Map.of(), null);

        assertThat(app.service("proxy").ports()).containsExactly("80:80", "443:443", "9090:8080");
        assertThat(app.service("dns").ports()).containsExactly("53:53/udp", "53:53", "9153:9153");
        assertThat(app.service("dns").entrypoint()).containsExactly("/coredns", "-conf", "/etc/coredns/Corefile");
        assertThat(app.service("syslog").ports()).containsExactly("514:514/udp", "6514:6514", "6515:6515",
                "6516:6516");
        assertThat(app.warnings()).extracting(ComposeWarning::path)
                .containsExactly("services.proxy.ports[2]", "services.dns.ports[2]");
        assertThat(app.warnings().get(0).message()).contains("127.0.0.1");
        assertThat(app.warnings().get(1).message()).contains("same port 9153");
    }

    @Test
    void envFilesAreMergedUnderTheEnvironment() {
        Map<String, String> files = Map.of(
                "common.env", "# shared\nTZ=UTC\nLOG_LEVEL=info\nHTTP_PORT=80\n",
                "api.env", "export LOG_LEVEL=debug\nSENTRY_DSN='https://k@sentry/1'\nGREETING=\"hello ${NAME:-you}\"\n",
                "db.env", "POSTGRES_USER=billing\nPOSTGRES_PASSWORD=${PGPASSWORD}\nPOSTGRES_DB=billing # the db\n");
        ComposeApplication app = parse("env-files.yml", Map.of("PGPASSWORD", "pw", "TZ", "Europe/Paris"), files);

        ComposeService api = app.service("api");
        assertThat(api.image()).isEqualTo("ghcr.io/acme/billing-api:latest");
        assertThat(api.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TZ", "Europe/Paris", "LOG_LEVEL", "debug", "HTTP_PORT", "8081", "SENTRY_DSN", "https://k@sentry/1",
                "GREETING", "hello you", "DATABASE_URL", "postgres://billing:pw@db:5432/billing",
                "FEATURE_INVOICES", "true"));
        assertThat(api.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("com.acme.team", "payments",
                "com.acme.tier", "backend"));
        assertThat(api.workingDir()).isEqualTo("/srv/billing");
        assertThat(api.healthcheck()).isEqualTo(new HealthCheckRequest("command",
                List.of("wget", "-qO-", "http://127.0.0.1:8081/ping"), null, null, "30s", "30s", 3, "0s"));
        ComposeService db = app.service("db");
        assertThat(db.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("POSTGRES_USER", "billing",
                "POSTGRES_PASSWORD", "pw", "POSTGRES_DB", "billing"));
        assertThat(db.labels()).containsEntry("com.acme.backup", "nightly");
        assertThat(db.healthcheck().command()).containsExactly("pg_isready -U ${POSTGRES_USER} -d billing");
        assertThat(db.healthcheck().timeout()).as("docker's 30s, at most the interval").isEqualTo("10s");
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void deploySectionSetsReplicasLimitsAndConstraints() {
        ComposeApplication app = parse("deploy-placement.yml", Map.of(), null);

        ComposeService es = app.service("es");
        assertThat(es.replicas()).isEqualTo(3);
        assertThat(es.cpus()).isEqualTo(2.0);
        assertThat(es.memory()).isEqualTo(2L << 30);
        assertThat(es.constraints()).containsExactly("disk=ssd", "zone!=c", "node.name!=build-01");
        assertThat(es.restart()).isEqualTo("on-failure:5");
        assertThat(es.spread()).isEqualTo("zone");
        assertThat(es.environment()).containsEntry("ES_JAVA_OPTS", "-Xms1g -Xmx1g");
        ComposeService kibana = app.service("kibana");
        assertThat(kibana.memory()).isEqualTo(512L << 20);
        assertThat(kibana.constraints()).isEmpty();
        ComposeService exporter = app.service("exporter");
        assertThat(exporter.replicas()).isEqualTo(2);
        assertThat(exporter.memory()).isEqualTo(64L << 20);
        assertThat(exporter.cpus()).isEqualTo(0.25);
        assertThat(exporter.command()).containsExactly("--es.uri=http://es:9200");
        assertThat(warningPaths(app)).containsExactly("services.es.deploy.update_config",
                "services.es.deploy.resources.reservations", "services.es.deploy.restart_policy.delay",
                "services.es.deploy.placement.preferences[1]", "services.es.deploy.placement.preferences[2]",
                "services.kibana.deploy.placement.constraints[0]");
    }

    @Test
    void unsupportedKeysAreEachWarnedAboutWithTheirPath() {
        ComposeApplication app = parse("unsupported.yml", Map.of(), null);

        assertThat(app.service("app").ports()).containsExactly("3000:3000");
        assertThat(warningPaths(app)).containsExactlyInAnyOrder("version", "networks", "volumes", "secrets",
                "configs", "services.app.build", "services.app.container_name", "services.app.hostname",
                "services.app.user", "services.app.volumes", "services.app.networks", "services.app.expose",
                "services.app.logging", "services.app.secrets", "services.app.cap_add", "services.cache.networks",
                "services.cache.links", "services.cache.privileged");
        assertThat(app.warnings()).filteredOn(w -> w.path().equals("services.app.build"))
                .singleElement().extracting(ComposeWarning::message).asString().contains("push the image");
    }

    @Test
    void aServiceBecomesAContainerRequest() {
        ComposeApplication app = parse("deploy-placement.yml", Map.of(), null);

        ContainerRequest request = app.service("exporter").toContainerRequest("search-exporter-1", "prod");
        assertThat(request.image()).isEqualTo("quay.io/prometheuscommunity/elasticsearch-exporter:v1.7.0");
        assertThat(request.args()).containsExactly("--es.uri=http://es:9200");
        assertThat(request.command()).isEmpty();
        assertThat(request.cluster()).isEqualTo("prod");
        assertThat(request.resources().cpus()).isEqualTo(0.25);
        assertThat(request.resources().memory()).isEqualTo(Long.toString(64L << 20));
        assertThat(request.restart()).isEqualTo("no");
    }
}
