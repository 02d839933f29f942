package dev.geodr.servicebus;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.geodr.servicebus.operator.SimulatorLauncher;
import io.fabric8.kubernetes.api.model.Condition;

/**
 * The package borders of the production code. The decision core (core: what every kind shares;
 * pairing and georeplication: one planner per kind; status; the ARM port with its domain types) is
 * plain Java so that it can be tested without Kubernetes, Azure or Quarkus; the adapters (operator,
 * arm.azure) are where those frameworks live.
 */
@AnalyzeClasses(
        packages = "dev.geodr.servicebus",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "dev.geodr.servicebus.core..",
        "dev.geodr.servicebus.pairing..",
        "dev.geodr.servicebus.georeplication..",
        "dev.geodr.servicebus.status..",
        "dev.geodr.servicebus.arm"
    };

    @ArchTest
    static final ArchRule coreUsesNoAzureSdk =
            noClasses()
                    .that()
                    .resideInAnyPackage(CORE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("com.azure..")
                    .because(
                            "the planner and projector decide from domain types; only arm.azure"
                                    + " talks to the Azure SDK");

    @ArchTest
    static final ArchRule coreUsesNoOperatorFrameworks =
            noClasses()
                    .that()
                    .resideInAnyPackage(CORE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "io.javaoperatorsdk..",
                            "io.quarkus..",
                            "jakarta.enterprise..",
                            "org.eclipse.microprofile..")
                    .because(
                            "the decision core is unit-tested as plain Java, without a running"
                                    + " operator, CDI container or configuration");

    // The one fabric8 type the core uses today: StatusProjector builds the status conditions as
    // fabric8's Condition, the model type the CRD status (api.v1alpha1) is made of. Nothing else of
    // fabric8 (no client, no informer, no other model type) is allowed in the core.
    @ArchTest
    static final ArchRule coreUsesNoFabric8ButTheConditionModel =
            noClasses()
                    .that()
                    .resideInAnyPackage(CORE)
                    .should()
                    .dependOnClassesThat(
                            resideInAPackage("io.fabric8..")
                                    .and(not(belongToAnyOf(Condition.class))))
                    .because(
                            "the decision core must not reach the Kubernetes client; the status"
                                    + " Condition model type is the only fabric8 class it may name");

    @ArchTest
    static final ArchRule onlyStatusUsesTheConditionModel =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "dev.geodr.servicebus.core..",
                            "dev.geodr.servicebus.pairing..",
                            "dev.geodr.servicebus.georeplication..",
                            "dev.geodr.servicebus.arm")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.fabric8..")
                    .because("only the status projection builds fabric8 Conditions");

    @ArchTest
    static final ArchRule thePortKnowsNoAdapter =
            noClasses()
                    .that()
                    .resideInAPackage("dev.geodr.servicebus.arm")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.geodr.servicebus.arm.azure..")
                    .because(
                            "the ARM port and its domain types are what the core sees; the Azure"
                                    + " SDK adapter implements them and may be replaced (an Event"
                                    + " Hubs or IoT Hub adapter beside it)");

    @ArchTest
    static final ArchRule apiIsALeaf =
            noClasses()
                    .that()
                    .resideInAPackage("dev.geodr.servicebus.api..")
                    .should()
                    .dependOnClassesThat(
                            resideInAPackage("dev.geodr.servicebus..")
                                    .and(not(resideInAPackage("dev.geodr.servicebus.api.."))))
                    .because(
                            "the CRD model is generated into the CRD and read by clients; it must"
                                    + " not drag operator or core classes into it");

    @ArchTest
    static final ArchRule simulatorOnlyThroughTheLauncher =
            noClasses()
                    .that(
                            not(resideInAPackage("dev.geodr.servicebus.simulator.."))
                                    .and(not(belongToAnyOf(SimulatorLauncher.class))))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.geodr.servicebus.simulator..")
                    .because(
                            "the ARM simulator stands in for Azure in tests and demos; the operator reaches"
                                    + " it only through SimulatorLauncher, so production paths never"
                                    + " depend on it");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.geodr.servicebus.(**)")
                    .should()
                    .beFreeOfCycles()
                    .because(
                            "a cycle between packages makes neither side testable or movable alone");
}
