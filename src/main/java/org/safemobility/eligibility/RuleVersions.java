package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.Decisions;

/**
 * The versions of the eligibility rules. A new version is parsed and checked before it is deployed: the decision
 * table must take the four inputs and give the four outputs the service relies on, and it must give exactly one
 * well-formed answer for a spread of sample applicants at every office. A file that fails leaves the version in force
 * untouched.
 */
@ApplicationScoped
public class RuleVersions {

    static final String DEPLOYMENT_NAME = "smo-eligibility-rules";
    static final Set<String> INPUTS = Set.of("office", "nationality", "arrivalDate", "applicationDate");
    static final Set<String> OUTPUTS = Set.of("eligible", "pathways", "ruleId", "reason");
    private static final List<String> SAMPLE_NATIONALITIES =
            List.of("GTM", "HND", "SLV", "NIC", "VEN", "ECU", "CUB", "HTI", "COL", "MEX", "XXA");
    private static final Pattern CLOCK_FUNCTIONS = Pattern.compile("\\b(today|now)\\s*\\(");
    private static final List<LocalDate> SAMPLE_DATES =
            List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 6, 12), LocalDate.of(2024, 9, 27));

    @Inject
    Decisions decisions;

    @Inject
    OfficeDirectory offices;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleVersionView.Listing list() {
        List<Decisions.Version> versions = decisions.versions(EligibilityRules.DECISION);
        Map<String, RuleUpload> uploads = RuleUpload.<RuleUpload>listAll().stream()
                .collect(Collectors.toMap(u -> u.decisionDefinitionId, Function.identity()));
        int active = versions.isEmpty() ? 0 : versions.get(0).version();
        return new RuleVersionView.Listing(active, versions.stream()
                .map(v -> view(v, uploads.get(v.definitionId()), v.version() == active)).toList());
    }

    /** The DMN file of one version, for an admin to download, edit in Camunda Modeler and upload again. */
    public Optional<byte[]> file(int version) {
        return decisions.versions(EligibilityRules.DECISION).stream().filter(v -> v.version() == version).findFirst()
                .map(decisions::file);
    }

    @Transactional
    public RuleVersionView upload(byte[] file, String fileName, String comment) {
        if (file == null || file.length == 0) {
            throw Invalid.of("body", "is empty; send the DMN file as the request body");
        }
        check(file);
        String resourceName = fileName == null ? "smo-eligibility.dmn" : fileName;
        Decisions.Version deployed = toApiErrors(() -> decisions.deploy(EligibilityRules.DECISION, DEPLOYMENT_NAME,
                resourceName, file));
        var who = caller.get();
        RuleUpload upload = new RuleUpload();
        upload.decisionDefinitionId = deployed.definitionId();
        upload.version = deployed.version();
        upload.uploadedBy = who.subject();
        upload.uploadedByName = who.name();
        upload.uploadedAt = clock.instant();
        upload.fileName = resourceName;
        upload.sha256 = sha256(file);
        upload.comment = comment;
        upload.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", deployed.version());
        details.put("fileName", resourceName);
        details.put("sha256", upload.sha256);
        audit.record("eligibility-rules.uploaded", null, null, details);
        return view(deployed, upload, true);
    }

    /** Parses the file and checks it against the contract and the sample applicants; 400 with the reason if not. */
    void check(byte[] file) {
        if (CLOCK_FUNCTIONS.matcher(new String(file, StandardCharsets.UTF_8)).find()) {
            // answers are memoized per version and inputs: a rule must depend on its inputs only
            throw invalid("the rules must depend on their inputs only: use applicationDate instead of today() or now()");
        }
        Decisions.Candidate candidate = toApiErrors(() -> decisions.parse(file, EligibilityRules.DECISION));
        List<String> problems = new ArrayList<>();
        if (!Set.copyOf(candidate.inputExpressions()).equals(INPUTS) || candidate.inputExpressions().size() != INPUTS.size()) {
            problems.add("the inputs must be exactly " + INPUTS + " (input expressions), found " + candidate.inputExpressions());
        }
        if (!candidate.outputNames().containsAll(OUTPUTS)) {
            problems.add("the outputs must include " + OUTPUTS + ", found " + candidate.outputNames());
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        for (String office : offices.all().keySet()) {
            for (String nationality : SAMPLE_NATIONALITIES) {
                for (LocalDate arrival : SAMPLE_DATES) {
                    for (LocalDate application : List.of(arrival.plusMonths(6), LocalDate.now(clock))) {
                        var question = new EligibilityQuestion(office, nationality, arrival, application);
                        Map<String, Object> answer = toApiErrors(() -> candidate.evaluate(question.asDecisionInputs()));
                        String wrong = malformed(answer);
                        if (wrong != null) {
                            throw invalid("for " + question + " the decision " + wrong);
                        }
                    }
                }
            }
        }
    }

    private static String malformed(Map<String, Object> answer) {
        if (!(answer.get("eligible") instanceof Boolean)) {
            return "gave no boolean 'eligible'";
        }
        if (!(answer.get("ruleId") instanceof String ruleId) || ruleId.isBlank()) {
            return "gave no 'ruleId'";
        }
        if (!(answer.get("reason") instanceof String reason) || reason.isBlank()) {
            return "gave no 'reason'";
        }
        if (!(answer.get("pathways") instanceof List<?> pathways)) {
            return "gave no list of 'pathways'";
        }
        Set<String> known = Arrays.stream(Pathway.values()).map(Enum::name).collect(Collectors.toSet());
        for (Object pathway : pathways) {
            if (!known.contains(String.valueOf(pathway))) {
                return "gave unknown pathway '" + pathway + "' (known: " + known + ")";
            }
        }
        return null;
    }

    private static <T> T toApiErrors(Supplier<T> action) {
        try {
            return action.get();
        } catch (Decisions.InvalidDecision e) {
            throw invalid(e.getMessage());
        }
    }

    private static Invalid invalid(String message) {
        return new Invalid("the eligibility rules were not changed: " + message,
                List.of(new Invalid.Violation("body", message)));
    }

    private static RuleVersionView view(Decisions.Version version, RuleUpload upload, boolean active) {
        return new RuleVersionView(version.version(), active, version.deployedAt(),
                upload == null ? "workflows folder" : upload.uploadedByName + " (" + upload.uploadedBy + ")",
                upload == null ? "workflows folder" : "upload",
                upload == null ? version.resourceName() : upload.fileName,
                upload == null ? null : upload.sha256, upload == null ? null : upload.comment);
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
