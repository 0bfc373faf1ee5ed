package dev.ecoscan.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
                // The SLF4J API is a facade without a backend: the runnable or the embedding host picks one.
                .resideInAnyPackage("java..", root + ".domain..", root + ".application..", "org.slf4j..")
                .as("the application depends on the domain (and the SLF4J API) only");
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

    ArchRule adapters_do_not_depend_on_each_other() {
        return slices().matching(root + ".adapter.(*)..")
                .namingSlices("adapter '$1'")
                .should()
                .notDependOnEachOther()
                .as("adapters do not depend on each other");
    }

    /**
     * Two composition roots wire adapters: bootstrap (the runnable) and the engine (the library entry
     * point for JVM services); nothing else sees an adapter.
     */
    ArchRule only_the_composition_roots_depend_on_adapters() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".adapter..", root + ".bootstrap..", root + ".engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".adapter..")
                .as("only the composition roots (bootstrap, the engine) depend on adapters");
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

    /**
     * The testkit is for tests: no production module ships it (the simulator reads sample images
     * with its own reader, and bootstrap takes the testkit at test scope).
     */
    ArchRule production_code_does_not_use_the_testkit() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".testkit..")
                .as("production code does not use the testkit");
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
     * uvicorn-based servers and Envoy refuse; an Apache client left at its defaults would retry,
     * follow redirects and use proxies behind the image fetch's checks. The support module's
     * factories are the one place that builds clients, so every client is set up as they say.
     */
    ArchRule only_the_support_module_builds_http_clients() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".support..")
                .should()
                .callMethod(HttpClient.class, "newBuilder")
                .orShould()
                .callMethod(HttpClient.class, "newHttpClient")
                .orShould()
                .accessClassesThat()
                .haveFullyQualifiedName("org.apache.hc.client5.http.impl.classic.HttpClients")
                .orShould()
                .accessClassesThat()
                .haveFullyQualifiedName("org.apache.hc.client5.http.impl.classic.HttpClientBuilder")
                .as("only the support module builds HTTP clients");
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

    /**
     * A composition root wires adapters into ports; it implements none, neither the core's ports nor
     * an interface an adapter declares. A port implemented in bootstrap is logic no embedder gets and no
     * adapter test covers (the character routes' bridge was one); one implemented in the engine is logic
     * the service does not run. A root's own interfaces (the engine's choices) are not ports.
     */
    ArchRule composition_roots_implement_no_port() {
        return classes()
                .that()
                .resideInAnyPackage(root + ".bootstrap..", root + ".engine..")
                .should(implementNoPort())
                .as("the composition roots (bootstrap, the engine) implement no port");
    }

    /** Names the port a class implements, directly or through a superclass, so a report says which. */
    private ArchCondition<JavaClass> implementNoPort() {
        // Any eco-scan interface outside the roots counts: the core's ports, and the interfaces an adapter
        // declares for what it needs (the HTTP adapter's character service was one bootstrap filled in).
        DescribedPredicate<JavaClass> port =
                resideInAPackage(root + "..").and(not(resideInAnyPackage(root + ".bootstrap..", root + ".engine..")));
        return new ArchCondition<>("implement no port") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getAllRawInterfaces().stream()
                        .filter(port)
                        .forEach(implemented -> events.add(SimpleConditionEvent.violated(
                                javaClass,
                                "Class <" + javaClass.getName() + "> implements the port <" + implemented.getName()
                                        + "> in " + javaClass.getSourceCodeLocation())));
            }
        };
    }

    /**
     * A port package is a contract: interfaces and the records they take and return. Logic there
     * would be shared by every side of the port without belonging to any of them.
     */
    ArchRule ports_hold_interfaces_and_their_records_only() {
        return classes()
                .that()
                .resideInAnyPackage(root + ".domain.port..", root + ".application.port..")
                .should()
                .beInterfaces()
                .orShould()
                .beRecords()
                .as("port packages hold interfaces and their records only");
    }

    /**
     * An adapter sees the core (domain, application) and the support modules, nothing else of
     * eco-scan: not the data module, the testkit, the simulator or the composition root. That other
     * adapters are out of bounds too is {@link #adapters_do_not_depend_on_each_other()}'s to say.
     */
    ArchRule adapters_depend_only_on_core_and_support_modules() {
        DescribedPredicate<JavaClass> outsideCoreAndSupport = resideInAPackage(root + "..")
                .and(not(resideInAnyPackage(
                        root + ".domain..", root + ".application..", root + ".support..", root + ".adapter..")))
                .as("eco-scan classes outside the core and support modules");
        return noClasses()
                .that()
                .resideInAPackage(root + ".adapter..")
                .should()
                .dependOnClassesThat(outsideCoreAndSupport)
                .as("adapters depend only on core and support modules");
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
                only_the_composition_roots_depend_on_adapters(),
                nothing_depends_on_bootstrap(),
                production_code_does_not_use_the_testkit(),
                only_bootstrap_starts_the_simulator(),
                only_the_support_module_builds_http_clients(),
                support_depends_on_no_adapter(),
                composition_roots_implement_no_port(),
                ports_hold_interfaces_and_their_records_only(),
                adapters_depend_only_on_core_and_support_modules(),
                packages_are_free_of_cycles());
    }
}
