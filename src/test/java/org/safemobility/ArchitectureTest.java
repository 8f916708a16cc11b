package org.safemobility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Keeps the capability boundaries of DESIGN.md honest as the code grows. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safemobility");

    @Test
    void only_the_workflow_package_uses_the_engine() {
        noClasses().that().resideOutsideOfPackage("org.safemobility.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("engine access goes through org.safemobility.workflow, so a move to a maintained fork "
                        + "stays a dependency change")
                .check(MAIN);
    }

    @Test
    void every_endpoint_says_who_may_call_it() {
        var security = java.util.List.of(jakarta.annotation.security.RolesAllowed.class,
                jakarta.annotation.security.PermitAll.class, jakarta.annotation.security.DenyAll.class,
                io.quarkus.security.Authenticated.class);
        var httpMethods = java.util.List.of(jakarta.ws.rs.GET.class, jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class,
                jakarta.ws.rs.PATCH.class, jakarta.ws.rs.DELETE.class, jakarta.ws.rs.HEAD.class, jakarta.ws.rs.OPTIONS.class);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that(DescribedPredicate.describe("are resource methods",
                        m -> httpMethods.stream().anyMatch(m::isAnnotatedWith)))
                .should(new ArchCondition<>("be annotated with @RolesAllowed, @PermitAll, @DenyAll or @Authenticated, "
                        + "or be in a class that is") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                        boolean annotated = security.stream().anyMatch(a -> method.isAnnotatedWith(a)
                                || method.getOwner().isAnnotatedWith(a));
                        events.add(new SimpleConditionEvent(method, annotated,
                                method.getFullName() + (annotated ? " is" : " is not") + " annotated"));
                    }
                })
                .because("deny-unannotated-endpoints refuses them at run time; this names them at build time")
                .check(MAIN);
    }

    @Test
    void nobody_uses_engine_internals() {
        // the one exception: the engine's configuration (its plugins and expression manager, the engine's documented
        // configuration hooks, live under impl.cfg and impl.el)
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                org.safemobility.workflow.EngineConfiguration.class)))
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("only the engine's public API survives an engine upgrade (EngineConfiguration aside)")
                .check(MAIN);
    }

    @Test
    void entities_stay_inside_their_capability() {
        classes().that().areAnnotatedWith(Entity.class)
                .should(beUsedOnlyInsideTheirCapability())
                .because("a capability reaches another's data through its services, never its tables")
                .check(MAIN);
    }

    @Test
    void capabilities_do_not_depend_on_each_other_in_circles() {
        slices().matching("org.safemobility.(*)..").should().beFreeOfCycles()
                .because("a capability reaches the ones below it through their services; the ones above it hear from it "
                        + "through events or interfaces it owns")
                .check(MAIN);
    }

    @Test
    void the_workflow_glue_depends_on_no_capability() {
        noClasses().that().resideInAPackage("org.safemobility.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.safemobility.intake..",
                        "org.safemobility.eligibility..", "org.safemobility.screening..", "org.safemobility.referral..",
                        "org.safemobility.supervision..", "org.safemobility.audit..", "org.safemobility.http..")
                .because("engine callbacks hand over through events and interfaces declared in workflow, so every "
                        + "capability may use the engine and the engine none of them")
                .check(MAIN);
    }

    @Test
    void services_speak_the_domain_not_http() {
        noClasses().that().resideOutsideOfPackage("org.safemobility.http..")
                .and().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.safemobility.http.ApiException")
                .because("services throw not found, conflict, invalid...; only http decides status codes")
                .check(MAIN);
    }

    /**
     * Hibernate resolves an attribute's Java type once per type: a JSON-mapped {@code List<...>} on one entity made
     * it read the {@code text[]} {@code List<String>} attributes of others (audit roles, pathways) as JSON, and which
     * won depended on the order entities were bound, so start-up failed in some test profiles only. JSON columns
     * are therefore records or maps (a record with {@code @JsonValue} still stores a plain array).
     */
    @Test
    void json_columns_are_not_mapped_as_collections() {
        fields().that(areMappedAsJson())
                .should(new ArchCondition<>("not be a collection or an array") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        if (field.getRawType().isAssignableTo(java.util.Collection.class) || field.getRawType().isArray()) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is a JSON column of type "
                                    + field.getRawType().getName()));
                        }
                    }
                })
                .check(MAIN);
    }

    private static DescribedPredicate<JavaField> areMappedAsJson() {
        return new DescribedPredicate<>("are mapped as JSON") {
            @Override
            public boolean test(JavaField field) {
                return field.tryGetAnnotationOfType(JdbcTypeCode.class).map(a -> a.value() == SqlTypes.JSON).orElse(false);
            }
        };
    }

    @Test
    void the_http_layer_knows_no_capability() {
        noClasses().that().resideInAPackage("org.safemobility.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.safemobility.intake..",
                        "org.safemobility.workflow..", "org.safemobility.audit..", "org.safemobility.access..")
                .because("problem details, request ids and idempotency serve every capability")
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirCapability() {
        return new ArchCondition<>("be used only inside their own capability package") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                for (Dependency dependency : entity.getDirectDependenciesToSelf()) {
                    if (!capabilityOf(dependency.getOriginClass()).equals(capabilityOf(entity))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** org.safemobility.&lt;capability&gt;... */
    private static String capabilityOf(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
