package dev.ecoscan.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules over all of eco-scan's production code. This module depends on bootstrap
 * and on the engine, so every module's classes are on the classpath here; each new module joins by
 * being a dependency of one of them.
 */
@AnalyzeClasses(packages = "dev.ecoscan", importOptions = ImportOption.DoNotIncludeTests.class)
class EcoScanArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("dev.ecoscan");

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = RULES.domain_depends_only_on_the_jdk();

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain = RULES.application_depends_only_on_the_domain();

    @ArchTest
    static final ArchRule taxonomy_data_depends_only_on_the_domain_and_its_yaml_parser =
            RULES.taxonomy_data_depends_only_on_the_domain_and_its_yaml_parser();

    @ArchTest
    static final ArchRule testkit_depends_only_on_the_core = RULES.testkit_depends_only_on_the_core();

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = RULES.adapters_do_not_depend_on_each_other();

    @ArchTest
    static final ArchRule only_the_composition_roots_depend_on_adapters =
            RULES.only_the_composition_roots_depend_on_adapters();

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = RULES.nothing_depends_on_bootstrap();

    @ArchTest
    static final ArchRule production_code_does_not_use_the_testkit = RULES.production_code_does_not_use_the_testkit();

    @ArchTest
    static final ArchRule only_bootstrap_starts_the_simulator = RULES.only_bootstrap_starts_the_simulator();

    @ArchTest
    static final ArchRule only_the_support_module_builds_http_clients =
            RULES.only_the_support_module_builds_http_clients();

    @ArchTest
    static final ArchRule support_depends_on_no_adapter = RULES.support_depends_on_no_adapter();

    @ArchTest
    static final ArchRule composition_roots_implement_no_port = RULES.composition_roots_implement_no_port();

    @ArchTest
    static final ArchRule ports_hold_interfaces_and_their_records_only =
            RULES.ports_hold_interfaces_and_their_records_only();

    @ArchTest
    static final ArchRule adapters_depend_only_on_core_and_support_modules =
            RULES.adapters_depend_only_on_core_and_support_modules();

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = RULES.packages_are_free_of_cycles();
}
