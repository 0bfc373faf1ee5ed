package dev.ecoscan.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each architecture rule, pointed at deliberately broken fixtures, reports exactly what breaks it. */
class ArchitectureRulesBiteTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("fixtures.ecoscan");
    private static final ArchitectureRules RULES = new ArchitectureRules("fixtures.ecoscan");

    @Test
    void a_domain_class_using_a_jackson_annotation_is_reported() {
        assertReports(RULES.domain_depends_only_on_the_jdk(), "DomainUsingJackson", "com.fasterxml.jackson");
    }

    @Test
    void a_domain_class_using_a_jakarta_inject_annotation_is_reported() {
        assertReports(RULES.domain_depends_only_on_the_jdk(), "DomainUsingInject", "jakarta.inject.Inject");
    }

    @Test
    void a_well_behaved_domain_class_is_not_reported() {
        // ArchUnit names a class as <fixtures.ecoscan.domain.Item> or <fixtures.ecoscan.domain.Item.name()>:
        // the same fragment finds the broken neighbour, so the search itself is proven to match.
        EvaluationResult result = RULES.domain_depends_only_on_the_jdk().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("<fixtures.ecoscan.domain.DomainUsingJackson"))
                .noneMatch(line -> line.contains("<fixtures.ecoscan.domain.Item"));
    }

    @Test
    void the_application_using_data_is_reported() {
        assertReports(RULES.application_depends_only_on_the_domain(), "ApplicationUsingData", "data.Catalogue");
    }

    @Test
    void taxonomy_data_using_jackson_is_reported() {
        assertReports(
                RULES.taxonomy_data_depends_only_on_the_domain_and_its_yaml_parser(),
                "DataUsingJackson",
                "ObjectMapper");
    }

    @Test
    void the_testkit_using_an_adapter_is_reported() {
        assertReports(RULES.testkit_depends_only_on_the_core(), "TestkitUsingAdapter", "BetaAdapter");
    }

    @Test
    void an_adapter_using_another_adapter_is_reported() {
        assertReports(RULES.adapters_do_not_depend_on_each_other(), "AlphaUsingBeta", "BetaAdapter");
    }

    @Test
    void code_outside_the_composition_roots_using_an_adapter_is_reported() {
        assertReports(RULES.only_the_composition_roots_depend_on_adapters(), "TestkitUsingAdapter", "BetaAdapter");
    }

    @Test
    void bootstrap_and_the_engine_using_an_adapter_is_allowed() {
        EvaluationResult result =
                RULES.only_the_composition_roots_depend_on_adapters().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("TestkitUsingAdapter"))
                .noneMatch(line -> line.contains("bootstrap.Wiring") || line.contains("engine.EngineWiring"));
    }

    @Test
    void an_adapter_using_bootstrap_is_reported() {
        assertReports(RULES.nothing_depends_on_bootstrap(), "BetaUsingBootstrap", "bootstrap.Wiring");
    }

    @Test
    void production_code_using_the_testkit_is_reported() {
        assertReports(RULES.production_code_does_not_use_the_testkit(), "ApplicationUsingTestkit", "FakeThing");
    }

    @Test
    void the_simulator_using_the_testkit_is_reported() {
        assertReports(RULES.production_code_does_not_use_the_testkit(), "simulator.Simulator", "FakeThing");
    }

    @Test
    void an_adapter_starting_the_simulator_is_reported() {
        assertReports(RULES.only_bootstrap_starts_the_simulator(), "AlphaUsingSimulator", "simulator.Simulator");
    }

    @Test
    void an_adapter_building_its_own_http_client_is_reported() {
        assertReports(
                RULES.only_the_support_module_builds_http_clients(),
                "AlphaBuildingHttpClient",
                "HttpClient.newBuilder()");
    }

    @Test
    void an_adapter_building_a_default_http_client_is_reported() {
        assertReports(
                RULES.only_the_support_module_builds_http_clients(),
                "AlphaBuildingHttpClient",
                "HttpClient.newHttpClient()");
    }

    @Test
    void an_adapter_building_its_own_apache_http_client_is_reported() {
        assertReports(
                RULES.only_the_support_module_builds_http_clients(), "AlphaBuildingHttpClient", "HttpClients.custom()");
    }

    @Test
    void the_support_module_building_http_clients_is_allowed() {
        EvaluationResult result =
                RULES.only_the_support_module_builds_http_clients().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaBuildingHttpClient"))
                .noneMatch(line -> line.contains("support.http.Factory"));
    }

    @Test
    void the_support_module_using_an_adapter_is_reported() {
        assertReports(RULES.support_depends_on_no_adapter(), "SupportUsingAdapter", "BetaAdapter");
    }

    @Test
    void the_support_module_using_bootstrap_is_reported() {
        assertReports(RULES.support_depends_on_no_adapter(), "SupportUsingBootstrap", "bootstrap.Wiring");
    }

    @Test
    void a_well_behaved_support_class_is_not_reported() {
        EvaluationResult result = RULES.support_depends_on_no_adapter().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("SupportUsingAdapter"))
                .noneMatch(line -> line.contains("support.http.Factory"));
    }

    @Test
    void an_adapter_using_the_support_module_is_not_an_adapter_using_an_adapter() {
        EvaluationResult result = RULES.adapters_do_not_depend_on_each_other().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaUsingBeta"))
                .noneMatch(line -> line.contains("AlphaUsingSupport"));
    }

    @Test
    void the_support_module_is_not_taken_for_an_adapter() {
        // Were support an adapter, its use of an adapter would be allowed here, and its users reported.
        EvaluationResult result =
                RULES.only_the_composition_roots_depend_on_adapters().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("SupportUsingAdapter") && line.contains("BetaAdapter"))
                .noneMatch(line -> line.contains("support.http.Factory"));
    }

    @Test
    void bootstrap_implementing_a_port_is_reported() {
        assertReports(RULES.composition_roots_implement_no_port(), "bootstrap.GrantsBridge", "domain.port.Grants");
    }

    @Test
    void the_engine_implementing_a_port_is_reported() {
        assertReports(RULES.composition_roots_implement_no_port(), "engine.EngineGrants", "domain.port.Grants");
    }

    @Test
    void bootstrap_wiring_a_port_without_implementing_it_is_allowed() {
        EvaluationResult result = RULES.composition_roots_implement_no_port().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("bootstrap.GrantsBridge"))
                .noneMatch(line -> line.contains("bootstrap.WiresGrants"));
    }

    @Test
    void the_engine_implementing_its_own_interface_is_allowed() {
        EvaluationResult result = RULES.composition_roots_implement_no_port().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("engine.EngineGrants"))
                .noneMatch(line -> line.contains("engine.Choice"));
    }

    @Test
    void a_plain_class_in_a_port_package_is_reported() {
        assertReports(RULES.ports_hold_interfaces_and_their_records_only(), "domain.port.GrantHelper");
    }

    @Test
    void a_port_and_its_record_are_allowed_in_a_port_package() {
        EvaluationResult result =
                RULES.ports_hold_interfaces_and_their_records_only().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("domain.port.GrantHelper"))
                .noneMatch(line -> line.contains("domain.port.Grants>") || line.contains("domain.port.Grants$Grant"));
    }

    @Test
    void an_adapter_using_the_data_module_is_reported() {
        assertReports(RULES.adapters_depend_only_on_core_and_support_modules(), "AlphaUsingData", "data.Catalogue");
    }

    @Test
    void an_adapter_using_the_simulator_is_reported_as_outside_core_and_support() {
        assertReports(
                RULES.adapters_depend_only_on_core_and_support_modules(), "AlphaUsingSimulator", "simulator.Simulator");
    }

    @Test
    void an_adapter_using_support_is_allowed_by_the_core_and_support_rule() {
        EvaluationResult result =
                RULES.adapters_depend_only_on_core_and_support_modules().evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaUsingData"))
                .noneMatch(line -> line.contains("AlphaUsingSupport"));
    }

    @Test
    void a_package_cycle_is_reported() {
        assertReports(RULES.packages_are_free_of_cycles(), "cycle.left", "cycle.right");
    }

    @Test
    void a_broken_rule_fails_with_archunits_architecture_violation_message() {
        assertThatThrownBy(() -> RULES.domain_depends_only_on_the_jdk().check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Architecture Violation")
                .hasMessageContaining("the domain depends on the JDK only");
    }

    private static void assertReports(ArchRule rule, String... fragments) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation())
                .as("'%s' reports a violation", rule.getDescription())
                .isTrue();
        assertThat(result.getFailureReport().getDetails())
                .as("'%s' names the offending classes", rule.getDescription())
                .anySatisfy(line -> assertThat(line).contains(fragments));
    }
}
