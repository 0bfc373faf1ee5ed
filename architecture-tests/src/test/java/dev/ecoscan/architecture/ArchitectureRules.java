package dev.ecoscan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.net.http.HttpClient;
import java.util.List;

/**
 * eco-scan's architecture as ArchUnit rules over a root package. The production test applies them
 * to {@code dev.ecoscan}; {@link ArchitectureRulesBiteTest} applies the same rules to broken fixtures
 * under {@code fixtures.ecoscan} and proves that each one reports its violation.
 *
 * <p>The rules are package-based, so they hold whatever module a class is compiled in: a domain
 * class placed in {@code bootstrap} is still a domain class.
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule domain_depends_only_on_the_jdk() {
        return classes()
                .that()
                .resideInAPackage(root + ".domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..")
                .as("the domain depends on the JDK only");
    }

    ArchRule application_depends_only_on_the_domain() {
        return classes()
                .that()
                .resideInAPackage(root + ".application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("the application depends on the domain only");
    }

    ArchRule taxonomy_data_depends_only_on_the_domain_and_its_yaml_parser() {
        return classes()
                .that()
                .resideInAPackage(root + ".data..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..", root + ".data..", "org.yaml.snakeyaml..")
                .as("the taxonomy data depends on the domain and SnakeYAML only");
    }

    ArchRule testkit_depends_only_on_the_core() {
        return classes()
                .that()
                .resideInAPackage(root + ".testkit..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", root + ".domain..", root + ".application..", root + ".data..", root + ".testkit..")
                .as("the testkit depends on the domain, the application and the data only");
    }

    /**
     * Adapter modules arrive with their issues; until one has two adapters this rule has nothing to
     * check, which must not fail the build. The bite test proves it fires when there is.
     */
    ArchRule adapters_do_not_depend_on_each_other() {
        return slices().matching(root + ".adapter.(*)..")
                .namingSlices("adapter '$1'")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true)
                .as("adapters do not depend on each other");
    }

    ArchRule only_bootstrap_depends_on_adapters() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".adapter..", root + ".bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".adapter..")
                .as("only bootstrap depends on adapters");
    }

    ArchRule nothing_depends_on_bootstrap() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".bootstrap..")
                .as("nothing depends on bootstrap");
    }

    /** The LLM simulator is a test double of a provider, so it may use the testkit's sample-image helpers. */
    ArchRule only_bootstrap_and_the_simulator_use_the_testkit_in_production() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".testkit..", root + ".bootstrap..", root + ".simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".testkit..")
                .as("only bootstrap and the simulator use the testkit in production code");
    }

    ArchRule only_bootstrap_starts_the_simulator() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".simulator..", root + ".bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".simulator..")
                .as("only bootstrap starts the simulator");
    }

    /**
     * The JDK client defaults to HTTP/2 and offers an h2c upgrade on every cleartext request, which
     * uvicorn-based servers and Envoy refuse; the support module's factory is the one place that
     * builds clients, so every client speaks HTTP/1.1 on cleartext.
     */
    ArchRule only_the_support_module_builds_jdk_http_clients() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".support..")
                .should()
                .callMethod(HttpClient.class, "newBuilder")
                .orShould()
                .callMethod(HttpClient.class, "newHttpClient")
                .as("only the support module builds JDK HTTP clients");
    }

    /** Adapters share the support module rather than each other, so it may see none of them. */
    ArchRule support_depends_on_no_adapter() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".support..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".adapter..", root + ".bootstrap..")
                .as("support depends on no adapter and not on bootstrap");
    }

    ArchRule packages_are_free_of_cycles() {
        return slices().matching(root + ".(**)")
                .namingSlices("package '$1'")
                .should()
                .beFreeOfCycles()
                .as("packages are free of cycles");
    }

    List<ArchRule> all() {
        return List.of(
                domain_depends_only_on_the_jdk(),
                application_depends_only_on_the_domain(),
                taxonomy_data_depends_only_on_the_domain_and_its_yaml_parser(),
                testkit_depends_only_on_the_core(),
                adapters_do_not_depend_on_each_other(),
                only_bootstrap_depends_on_adapters(),
                nothing_depends_on_bootstrap(),
                only_bootstrap_and_the_simulator_use_the_testkit_in_production(),
                only_bootstrap_starts_the_simulator(),
                only_the_support_module_builds_jdk_http_clients(),
                support_depends_on_no_adapter(),
                packages_are_free_of_cycles());
    }
}
