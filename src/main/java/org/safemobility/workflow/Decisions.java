package org.safemobility.workflow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;

/**
 * DMN decisions as the application sees them: versions deployed in the engine, evaluated on the DMN engine.
 * Evaluation goes through the deployed, cached decision of an exact version, so callers know which version
 * answered, and it writes no engine history (what-if checks and re-screening would otherwise copy applicants' inputs
 * into the engine's tables); the application records the decisions that matter on the case.
 *
 * <p>Answers are memoized per version and inputs. The DMN engine's FEEL integration parses every entry of the table
 * on every evaluation (about 1 ms for the eligibility table, measured by scripts/benchmark.sh), while a decision is a
 * pure function of its inputs (uploads that use today() or now() are refused), so re-screening thousands of cases
 * with few distinct inputs asks the engine only once per distinct question.
 */
@ApplicationScoped
public class Decisions {

    /** The decision table's contract broken, or a file that is not valid DMN: the message says what and where. */
    public static class InvalidDecision extends RuntimeException {
        public InvalidDecision(String message, Throwable cause) {
            super(message, cause);
        }

        public InvalidDecision(String message) {
            super(message);
        }
    }

    /** One deployed version of a decision. */
    public record Version(String definitionId, String key, int version, String deploymentId, String deploymentName,
                          String resourceName, Instant deployedAt) {
    }

    /** A decision table parsed from a file, not deployed: what its inputs and outputs are, and how it answers. */
    public final class Candidate {
        private final DmnDecision decision;
        private final List<String> inputExpressions;
        private final List<String> outputNames;

        private Candidate(DmnDecision decision, List<String> inputExpressions, List<String> outputNames) {
            this.decision = decision;
            this.inputExpressions = inputExpressions;
            this.outputNames = outputNames;
        }

        public List<String> inputExpressions() {
            return inputExpressions;
        }

        public List<String> outputNames() {
            return outputNames;
        }

        public Map<String, Object> evaluate(Map<String, Object> inputs) {
            return singleResult(decision, inputs);
        }
    }

    private record Question(String definitionId, Map<String, Object> inputs) {
    }

    private final DmnEngine dmn = FeelOnly.engine();
    private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();
    private final Cache<Question, Map<String, Object>> answers = Caffeine.newBuilder().maximumSize(100_000).build();

    @Inject
    RepositoryService repository;

    /** The service's datasource: inside a transaction, the transaction's own connection. */
    @Inject
    DataSource dataSource;

    /**
     * The version in force: the latest deployed. Asked twice on every registration (is the office serving anyone,
     * then the decision itself), so it is one fixed SQL statement on the engine's definition table, read through its
     * unique (key, version, tenant) index: the engine's definition query built its SQL from a mapping of optional
     * conditions on every call, a twentieth of a registration's CPU in a profile (issue 16). It leaves out the
     * deployment's name and time (see {@link #versions} for those).
     */
    public Version latest(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select ID_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_DECISION_DEF
                      where KEY_ = ? and TENANT_ID_ is null order by VERSION_ desc limit 1""")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("decision " + key + " is not deployed");
                }
                return new Version(row.getString(1), row.getString(2), row.getInt(3), row.getString(4), null,
                        row.getString(5), null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the deployed versions of decision " + key, e);
        }
    }

    /** Every deployed version, newest first. */
    public List<Version> versions(String key) {
        List<DecisionDefinition> definitions = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion().desc().list();
        Map<String, Deployment> deployments = new HashMap<>(); // versions are few: one query per deployment is fine
        for (DecisionDefinition definition : definitions) {
            deployments.computeIfAbsent(definition.getDeploymentId(),
                    id -> repository.createDeploymentQuery().deploymentId(id).singleResult());
        }
        return definitions.stream().map(d -> version(d, deployments.get(d.getDeploymentId())))
                .sorted(Comparator.comparingInt(Version::version).reversed()).toList();
    }

    /** Evaluates an exact deployed version; the table must give exactly one answer. */
    public Map<String, Object> evaluate(Version version, Map<String, Object> inputs) {
        return answers.get(new Question(version.definitionId(), Map.copyOf(inputs)), question -> {
            DmnDecision decision = parsedById.computeIfAbsent(version.definitionId(), id -> parseDeployed(version));
            return Collections.unmodifiableMap(new HashMap<>(singleResult(decision, inputs)));
        });
    }

    /** Parses a DMN file and finds the decision table {@code key} in it, without deploying anything. */
    public Candidate parse(byte[] file, String key) {
        FeelOnly.check(file);
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(file));
        } catch (RuntimeException e) {
            throw new InvalidDecision("not a valid DMN file: " + rootMessage(e), e);
        }
        if (!(model.getModelElementById(key) instanceof Decision decision)) {
            throw new InvalidDecision("the file has no decision with id '" + key + "'");
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw new InvalidDecision("decision '" + key + "' must be a decision table");
        }
        List<String> inputs = table.getInputs().stream()
                .map(i -> i.getInputExpression() == null || i.getInputExpression().getText() == null ? ""
                        : i.getInputExpression().getText().getTextContent().trim())
                .toList();
        List<String> outputs = table.getOutputs().stream().map(o -> o.getName() == null ? "" : o.getName()).toList();
        try {
            return new Candidate(dmn.parseDecision(key, model), inputs, outputs);
        } catch (RuntimeException e) {
            throw new InvalidDecision("decision '" + key + "' cannot be parsed: " + rootMessage(e), e);
        }
    }

    /** Deploys a new version of the decision in the file; the engine's own checks (e.g. history time to live) apply. */
    public Version deploy(String key, String deploymentName, String resourceName, byte[] file) {
        FeelOnly.check(file);
        Deployment deployment;
        try {
            deployment = repository.createDeployment().name(deploymentName).source("upload")
                    .addInputStream(resourceName, new ByteArrayInputStream(file)).deploy();
        } catch (RuntimeException e) {
            throw new InvalidDecision("the engine refused the file: " + rootMessage(e), e);
        }
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .decisionDefinitionKey(key).singleResult();
        if (definition == null) {
            throw new InvalidDecision("the deployment holds no decision '" + key + "'");
        }
        return version(definition, deployment);
    }

    /** The DMN file a version was deployed from. */
    public byte[] file(Version version) {
        try (InputStream resource = repository.getResourceAsStream(version.deploymentId(), version.resourceName())) {
            return resource.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> singleResult(DmnDecision decision, Map<String, Object> inputs) {
        DmnDecisionResult result;
        try {
            result = dmn.evaluateDecision(decision, inputs);
        } catch (RuntimeException e) {
            throw new InvalidDecision("decision '" + decision.getKey() + "' failed: " + rootMessage(e), e);
        }
        if (result.size() != 1) {
            throw new InvalidDecision("decision '" + decision.getKey() + "' gave " + result.size()
                    + " answers for " + inputs + "; exactly one is needed (hit policy FIRST or UNIQUE, and a last catch-all row)");
        }
        return result.getSingleResult().getEntryMap();
    }

    private DmnDecision parseDeployed(Version version) {
        byte[] file = file(version);
        FeelOnly.check(file); // versions deployed before uploads were checked for FEEL
        return dmn.parseDecision(version.key(), new ByteArrayInputStream(file));
    }

    private static Version version(DecisionDefinition definition, Deployment deployment) {
        return new Version(definition.getId(), definition.getKey(), definition.getVersion(), definition.getDeploymentId(),
                deployment == null ? null : deployment.getName(), definition.getResourceName(),
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
