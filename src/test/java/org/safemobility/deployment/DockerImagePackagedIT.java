package org.safemobility.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the container image without a container engine (none on the build machines, and base
 * images cannot be pulled): after {@code package}, every path src/main/docker/Dockerfile.jvm copies exists, and the
 * image's user and ports are the ones the Helm chart runs and probes it with.
 */
class DockerImagePackagedIT {

    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Path CHART = Path.of("helm", "smo-case-backend");

    @Test
    void every_path_the_dockerfile_copies_exists_after_package() throws IOException {
        List<String> sources = lines("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$");
        assertThat(sources).as("COPY lines").hasSizeGreaterThanOrEqualTo(4);
        for (String source : sources) {
            Path path = Path.of(source);
            if (source.contains("*")) {
                try (DirectoryStream<Path> matches = Files.newDirectoryStream(path.getParent(), path.getFileName().toString())) {
                    assertThat(matches.iterator().hasNext()).as(source).isTrue();
                }
            } else {
                assertThat(path).as(source).exists();
            }
        }
        assertThat(Path.of("target", "quarkus-app", "quarkus-run.jar")).exists();
        assertThat(String.join("\n", Files.readAllLines(DOCKERFILE))).contains("/deployments/quarkus-run.jar");
    }

    @Test
    void the_image_runs_as_the_charts_user_on_the_ports_it_probes() throws IOException {
        String user = lines("^USER\\s+(\\S+)$").get(0);
        List<String> exposed = List.of(lines("^EXPOSE\\s+(.+)$").get(0).split("\\s+"));
        String values = Files.readString(CHART.resolve("values.yaml"));
        String deployment = Files.readString(CHART.resolve("templates").resolve("deployment.yaml"));

        assertThat(values).containsPattern("runAsUser: " + user + "\\b");
        assertThat(exposed).containsExactlyInAnyOrder(
                all("containerPort: (\\d+)", deployment).toArray(String[]::new));
        assertThat(values).contains("repository: smo-case-backend"); // the tag the Dockerfile's comment builds
    }

    private static List<String> lines(String pattern) throws IOException {
        Pattern p = Pattern.compile(pattern);
        return Files.readAllLines(DOCKERFILE).stream().map(String::strip).map(p::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
    }

    private static List<String> all(String pattern, String text) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
