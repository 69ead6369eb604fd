package io.cluman.server.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionLayersTest {
    @Test
    void imageLabelsNamedArgAreOptionsAndBadOnesAreNotedNotUsed() {
        OptionLayer layer = ImageLabelLayer.from(Map.of("arg.memory", "512M", "arg.restart", "always",
                "arg.ports", "8761:8761, 9000", "arg.env", "A=1,B=two words", "arg.env.C", "3",
                "arg.cpus", "-2", "arg.colour", "red", "maintainer", "someone", "arg.label.team", "web"));
        OptionSet o = layer.options();
        assertThat(o.memory()).isEqualTo(512L << 20);
        assertThat(o.restart()).isEqualTo("always");
        assertThat(o.ports()).containsExactly("8761:8761", "9000");
        assertThat(o.env()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "two words", "C", "3"));
        assertThat(o.labels()).containsExactlyEntriesOf(Map.of("team", "web"));
        assertThat(o.cpus()).isNull();
        assertThat(layer.source()).isEqualTo("image label");
        assertThat(layer.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("arg.cpus: '-2'"))
                .anySatisfy(p -> assertThat(p).startsWith("arg.colour: unknown option 'colour'"));
    }

    @Test
    void aSizeThatDoesNotParseIsAProblemNamingTheLabel() {
        OptionLayer layer = ImageLabelLayer.from(Map.of("arg.memory", "12XB", "arg.restart", "sometimes",
                "arg.ports", "99999:1"));
        assertThat(layer.options().memory()).isNull();
        assertThat(layer.options().restart()).isNull();
        assertThat(layer.options().ports()).isEmpty();
        assertThat(layer.problems()).hasSize(3).anySatisfy(p -> assertThat(p).startsWith("arg.memory:"))
                .anySatisfy(p -> assertThat(p).contains("not a restart policy"))
                .anySatisfy(p -> assertThat(p).contains("not a port mapping"));
    }

    @Test
    void aComposeLikeYamlFileGivesTheSameOptionsAsItsPropertiesTwin() {
        OptionLayer yaml = GitFileLayer.parse("git web/nginx.yml@abc", "web/nginx.yml", """
                memory: 256M
                cpus: 0.5
                restart: on-failure:3
                ports: ["8080:80", 443]
                environment:
                  MODE: prod
                labels: [team=web]
                command: [nginx, -g, daemon off;]
                working_dir: /srv
                """);
        OptionLayer properties = GitFileLayer.parse("git web/nginx.properties@abc", "web/nginx.properties", """
                memory=256M
                cpus=0.5
                restart=on-failure:3
                ports=8080:80,443
                env.MODE=prod
                label.team=web
                workdir=/srv
                """);
        assertThat(yaml.problems()).isEmpty();
        assertThat(properties.problems()).isEmpty();
        assertThat(yaml.options().command()).containsExactly("nginx", "-g", "daemon off;");
        OptionSet withoutCommand = new OptionSet(null, null, yaml.options().env(), yaml.options().ports(),
                yaml.options().labels(), yaml.options().memory(), yaml.options().cpus(), yaml.options().restart(),
                yaml.options().workDir());
        assertThat(properties.options()).isEqualTo(withoutCommand);
    }

    @Test
    void aFileThatIsNotYamlOrNotAMappingIsOneProblemAndNoOptions() {
        assertThat(GitFileLayer.parse("s", "web/a.yml", "memory: [unclosed").problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("file: not YAML"));
        assertThat(GitFileLayer.parse("s", "web/a.yml", "- just\n- a list\n").problems())
                .singleElement().satisfies(p -> assertThat(p).contains("top level must be a mapping"));
        assertThat(GitFileLayer.parse("s", "web/a.yml", "").options()).isEqualTo(OptionSet.EMPTY);
    }

    @Test
    void laterLayersWinForSingleValuesAndListsAndMapsMergeByKey() {
        OptionLayer image = ImageLabelLayer.from(Map.of("arg.memory", "512M", "arg.restart", "always",
                "arg.ports", "8080:80,9090", "arg.env", "A=image,B=image"));
        OptionLayer git = GitFileLayer.parse("git web/app.yml@abc", "web/app.yml", """
                memory: 256M
                ports: ["8081:80"]
                environment: {B: git, C: git}
                """);
        OptionLayer request = new OptionLayer("request", new OptionSet(null, null, Map.of("C", "request"), null, null,
                null, 1.5, null, null), null);
        MergedOptions merged = OptionMerger.merge(List.of(image, git, request));
        OptionSet v = merged.values();
        assertThat(v.memory()).isEqualTo(256L << 20);
        assertThat(v.restart()).isEqualTo("always");
        assertThat(v.cpus()).isEqualTo(1.5);
        assertThat(v.ports()).containsExactly("9090", "8081:80");
        assertThat(v.env()).containsExactlyEntriesOf(Map.of("A", "image", "B", "git", "C", "request"));
        assertThat(merged.provenance()).contains(
                new OptionValue("memory", Long.toString(256L << 20), "git web/app.yml@abc"),
                new OptionValue("restart", "always", "image label"),
                new OptionValue("cpus", "1.5", "request"),
                new OptionValue("ports[80/tcp]", "8081:80", "git web/app.yml@abc"),
                new OptionValue("env.C", "request", "request"));
    }

    @Test
    void theConfigFileIsNamedAfterTheImageWithoutRegistryPathTagAndDigest() {
        assertThat(ImageName.of("nginx")).isEqualTo("nginx");
        assertThat(ImageName.of("nginx:1.27")).isEqualTo("nginx");
        assertThat(ImageName.of("127.0.0.1:5000/team/nginx:1.27")).isEqualTo("nginx");
        assertThat(ImageName.of("localhost:5000/nginx")).isEqualTo("nginx");
        assertThat(ImageName.of("docker.io/library/busybox@sha256:abcd")).isEqualTo("busybox");
    }
}
