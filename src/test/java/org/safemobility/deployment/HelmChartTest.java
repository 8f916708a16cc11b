package org.safemobility.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chart lints and renders with real Helm (helm-java embeds it), so a broken template fails the build. */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "smo-case-backend");

    @Test
    void the_chart_lints_clean() {
        var result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void the_chart_renders_a_deployment_with_probes_secure_defaults_and_secrets_by_reference() {
        String manifests = new Helm(CHART).template().withName("smo").set("image.tag", "test").call();
        assertThat(manifests)
                .contains("kind: Deployment", "kind: Service")
                .contains("image: \"smo-case-backend:test\"")
                .contains("path: /q/health/ready", "path: /q/health/live", "path: /q/health/started")
                .contains("containerPort: 9000", "port: management")
                .contains("runAsNonRoot: true", "readOnlyRootFilesystem: true")
                .contains("name: QUARKUS_DATASOURCE_PASSWORD", "secretKeyRef:")
                .contains("name: SMO_WEBHOOKS_ENCRYPTION_KEY", "name: smo-webhooks")
                .contains("name: SMO_DATA_ENCRYPTION_KEYSET_FILE", "secretName: smo-data-keys", "mountPath: /etc/smo/data-keys")
                .contains("name: JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -XX:MaxRAMPercentage=32")
                .contains("memory: 640Mi")
                .doesNotContain("password: ");
        String service = manifests.substring(manifests.indexOf("kind: Service"));
        service = service.substring(0, service.contains("\n---") ? service.indexOf("\n---") : service.length());
        assertThat(service).as("the Service exposes the API port only").contains("targetPort: http").doesNotContain("management");
    }
}
