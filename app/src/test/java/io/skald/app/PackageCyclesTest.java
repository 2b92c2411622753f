package io.skald.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No Skald package depends on itself through other packages. Checked on the compiled production
 * classes of every module, which the application's test classpath sees all of.
 *
 * <p>Which module may import which is Checkstyle's job (.build/import-control.xml, at validate); a
 * cycle needs the whole graph, so it is checked here, once the modules are compiled.
 */
class PackageCyclesTest {

  @Test
  void everyPackageOfEveryModuleIsFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.skald");

    slices().matching("io.skald.(**)").should().beFreeOfCycles().check(classes);
  }
}
