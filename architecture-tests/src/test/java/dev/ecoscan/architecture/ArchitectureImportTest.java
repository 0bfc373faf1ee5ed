package dev.ecoscan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guards against rules that pass because they looked at nothing (a package name that does not exist). */
class ArchitectureImportTest {

    @Test
    void the_analysed_classes_include_every_module() {
        Set<String> packages = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ecoscan").stream()
                        .map(JavaClass::getPackageName)
                        .collect(Collectors.toSet());

        assertThat(packages)
                .contains(
                        "dev.ecoscan.domain.taxonomy",
                        "dev.ecoscan.domain.port",
                        "dev.ecoscan.domain.scan",
                        "dev.ecoscan.application",
                        "dev.ecoscan.application.timing",
                        "dev.ecoscan.data",
                        "dev.ecoscan.testkit",
                        "dev.ecoscan.simulator",
                        "dev.ecoscan.adapter.openai",
                        "dev.ecoscan.adapter.http",
                        "dev.ecoscan.adapter.metrics",
                        "dev.ecoscan.adapter.images",
                        "dev.ecoscan.adapter.character",
                        "dev.ecoscan.adapter.redis",
                        "dev.ecoscan.support.http",
                        "dev.ecoscan.support.characters",
                        "dev.ecoscan.bootstrap",
                        "dev.ecoscan.bootstrap.wiring",
                        "dev.ecoscan.engine");
    }
}
