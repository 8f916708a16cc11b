package org.safemobility.workflow;

import io.quarkus.runtime.util.ClassPathUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/**
 * Deploys every BPMN and DMN model of the top-level {@code workflows/} folder (packaged under the classpath folder
 * of the same name) when the engine starts. Duplicate filtering makes a restart deploy nothing new, and a changed
 * model becomes a new version of that model only.
 */
@ApplicationScoped
public class WorkflowDeployer {

    static final String DEPLOYMENT_NAME = "smo-workflows";
    static final String FOLDER = "workflows";
    private static final Logger LOG = Logger.getLogger(WorkflowDeployer.class);

    @Inject
    RepositoryService repository;

    void deployOnStartup(@Observes CamundaEngineStartupEvent event) {
        Map<String, byte[]> models = models();
        if (models.isEmpty()) {
            throw new IllegalStateException("no BPMN or DMN models found in classpath folder " + FOLDER);
        }
        var builder = repository.createDeployment().name(DEPLOYMENT_NAME).source("workflows folder")
                .enableDuplicateFiltering(true);
        models.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        LOG.infof("workflows %s deployed as %s; new definitions: %s", models.keySet(), deployment.getId(),
                Stream.concat(
                        nullSafe(deployment.getDeployedProcessDefinitions()).stream().map(d -> d.getKey() + ":" + d.getVersion()),
                        nullSafe(deployment.getDeployedDecisionDefinitions()).stream().map(d -> d.getKey() + ":" + d.getVersion()))
                        .toList());
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** File name to content, read from the classpath whether it is a folder (dev, tests) or a jar (packaged). */
    static Map<String, byte[]> models() {
        Map<String, String> found = new TreeMap<>();
        Map<String, byte[]> models = new TreeMap<>();
        try {
            ClassPathUtils.consumeAsPaths(FOLDER, folder -> {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(WorkflowDeployer::isModel).forEach(file -> {
                        String name = file.getFileName().toString();
                        if (found.putIfAbsent(name, file.toString()) == null) {
                            models.put(name, read(file));
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }

    private static boolean isModel(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".bpmn") || name.endsWith(".dmn");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
