package org.safemobility.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart lints and renders with real Helm (helm-java embeds it), so a broken template fails the build. */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "smo-case-backend");

    /** Every values file the chart is tested with: the defaults, a production-like one and the smallest. */
    private static final List<Path> VALUES = List.of(CHART.resolve("values.yaml"),
            CHART.resolve("ci").resolve("production-values.yaml"), CHART.resolve("ci").resolve("minimal-values.yaml"));

    @Test
    void the_chart_lints_clean_and_renders_with_every_values_file() {
        var result = new Helm(CHART).lint().strict().call(); // helm-java's lint takes the chart's own values only
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        for (Path values : VALUES) { // rendering checks each file against values.schema.json
            assertThat(new Helm(CHART).template().withName("smo").withValuesFile(values).call())
                    .as(values.toString()).contains("kind: Deployment");
        }
    }

    @Test
    void the_production_values_render_autoscaling_disruption_budget_network_policy_and_monitoring() {
        String manifests = new Helm(CHART).template().withName("smo")
                .withValuesFile(CHART.resolve("ci").resolve("production-values.yaml")).call();
        assertThat(manifests)
                .contains("kind: HorizontalPodAutoscaler", "maxReplicas: 6", "minReplicas: 3")
                .contains("kind: PodDisruptionBudget", "minAvailable: 2")
                .contains("kind: NetworkPolicy", "cidr: 10.20.0.0/16", "cidr: 203.0.113.0/24")
                .contains("kind: ServiceMonitor", "path: /q/metrics", "kind: PrometheusRule")
                .contains("alert: SmoWebhookDeadLetters", "alert: SmoWorkflowIncidents", "alert: SmoTasksOverdue",
                        "alert: SmoDatabasePoolExhausted")
                .contains("smo-case-backend.json", "grafana_dashboard: \"1\"")
                .contains("name: QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "name: SMO_TRACING_SAMPLE_RATIO", "value: \"0.25\"")
                .contains("value: \"40\"") // the pool size reaches the pod
                .doesNotContain("\n  replicas:"); // the autoscaler owns the replica count
        String policy = document(manifests, "kind: NetworkPolicy");
        assertThat(policy).as("ingress reaches the API port, and management only from the monitoring namespace")
                .contains("port: http", "port: management", "kubernetes.io/metadata.name: monitoring");
        // the dashboard is valid JSON whose panels read the service's metrics
        String dashboard = document(manifests, "smo-case-backend.json");
        assertThat(dashboard).contains("smo_cases_registered_total", "smo_tasks_overdue", "smo_outbox_dead");
    }

    @Test
    void the_minimal_values_render_one_replica_and_nothing_optional() {
        String manifests = new Helm(CHART).template().withName("smo")
                .withValuesFile(CHART.resolve("ci").resolve("minimal-values.yaml")).call();
        assertThat(manifests).contains("kind: Deployment", "replicas: 1")
                .doesNotContain("kind: HorizontalPodAutoscaler", "kind: PodDisruptionBudget", "kind: NetworkPolicy",
                        "kind: ServiceMonitor", "kind: PrometheusRule", "OTEL");
    }

    @Test
    void a_pool_that_the_database_cannot_hold_at_full_scale_refuses_to_render() {
        // 4 replicas x 60 + 20 reserved = 260 > 200
        assertThatThrownBy(() -> new Helm(CHART).template().withName("smo").set("database.poolSize", "60").call())
                .hasMessageContaining("exceeds database.maxConnections 200");
        // without the autoscaler, the fixed replica count is what counts: 2 x 60 + 20 = 140
        assertThat(new Helm(CHART).template().withName("smo").set("database.poolSize", "60")
                .set("autoscaling.enabled", "false").call()).contains("kind: Deployment");
    }

    @Test
    void values_that_break_the_schema_are_refused() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("smo").set("database.poolSize", "lots").call())
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("smo").set("databse.jdbcUrl", "x").call())
                .hasMessageContaining("databse");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("smo")
                .set("securityContext.readOnlyRootFilesystem", "false").call())
                .hasMessageContaining("readOnlyRootFilesystem");
    }

    @Test
    void tracing_through_the_network_policy_needs_the_collector_named() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("smo")
                .set("tracing.otlpEndpoint", "http://otel-collector.monitoring.svc:4317").call())
                .hasMessageContaining("networkPolicy.collector.to");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("smo").set("tracing.sampleRatio", "2").call())
                .hasMessageContaining("sampleRatio");
        String policy = document(new Helm(CHART).template().withName("smo")
                .withValuesFile(CHART.resolve("ci").resolve("production-values.yaml")).call(), "kind: NetworkPolicy");
        assertThat(policy).contains("app.kubernetes.io/name: opentelemetry-collector", "port: 4317");
    }

    private static String document(String manifests, String marker) {
        int at = manifests.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int start = manifests.lastIndexOf("\n---", at);
        int end = manifests.indexOf("\n---", at);
        return manifests.substring(Math.max(start, 0), end < 0 ? manifests.length() : end);
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
                .contains("name: JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -XX:MaxRAMPercentage=32", "-XX:TieredStopAtLevel=1")
                .contains("memory: 640Mi")
                .contains("terminationGracePeriodSeconds: 35", "preStop:", "name: QUARKUS_SHUTDOWN_TIMEOUT", "value: \"20s\"")
                .contains("kind: HorizontalPodAutoscaler", "kind: PodDisruptionBudget", "kind: NetworkPolicy")
                .doesNotContain("password: ");
        String service = manifests.substring(manifests.indexOf("kind: Service"));
        service = service.substring(0, service.contains("\n---") ? service.indexOf("\n---") : service.length());
        assertThat(service).as("the Service exposes the API port only").contains("targetPort: http").doesNotContain("management");
    }
}
