package org.safemobility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
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
    void nobody_uses_engine_internals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("only the engine's public API survives an engine upgrade")
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
