package io.skald.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of docs/architecture.md, checked on the compiled classes of every module
 * that the application bundles.
 */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.skald");
  }

  @Test
  void frameworkFreeLibrariesStayFrameworkFree() {
    noClasses().that().resideInAnyPackage(
            "io.skald.logql..", "io.skald.segment..", "io.skald.index..", "io.skald.tenancy..",
            "io.skald.storage..", "io.skald.bus..", "io.skald.health..", "io.skald.deletes..",
            "io.skald.labels..", "io.skald.gocompat..", "io.skald.layout..", "io.skald.schemas..", "io.skald.events..",
            "io.skald.limits..")
        .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.apache.camel..")
        .check(classes);
  }

  @Test
  void queryAndFormatLibrariesDoNotTalkToCloudSdks() {
    noClasses().that().resideInAnyPackage("io.skald.logql..", "io.skald.segment..", "io.skald.index..",
            "io.skald.labels..", "io.skald.gocompat..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "org.apache.kafka..")
        .check(classes);
  }

  @Test
  void routesNeverReachIntoFunctions() {
    noClasses().that().resideInAPackage("io.skald.routes..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.skald.chunker..", "io.skald.compactor..", "io.skald.querier..", "io.skald.index..",
            "io.skald.segment..", "io.skald.storage..", "io.skald.logql..")
        .check(classes);
  }

  @Test
  void routesUseOnlyTheLibrariesMeantForThem() {
    noClasses().that().resideInAPackage("io.skald.routes..")
        .should().dependOnClassesThat(resideInAPackage("io.skald..").and(resideOutsideOfPackages(
            "io.skald.routes..", "io.skald.events..", "io.skald.schemas..", "io.skald.bus..", "io.skald.tenancy..",
            "io.skald.health..", "io.skald.layout..", "io.skald.limits..", "io.skald.labels..", "io.skald.gocompat..")))
        .check(classes);
  }

  @Test
  void sharedKernelDependsOnlyOnItselfTheJdkAndRe2j() {
    noClasses().that().resideInAPackage("io.skald.gocompat..")
        .should().dependOnClassesThat(resideOutsideOfPackages("io.skald.gocompat..", "java.."))
        .check(classes);
    noClasses().that().resideInAPackage("io.skald.labels..")
        .should().dependOnClassesThat(resideOutsideOfPackages(
            "io.skald.labels..", "io.skald.gocompat..", "java..", "com.google.re2j.."))
        .check(classes);
  }

  @Test
  void functionsNeverReachIntoRoutes() {
    noClasses().that().resideInAnyPackage("io.skald.chunker..", "io.skald.compactor..", "io.skald.querier..")
        .should().dependOnClassesThat().resideInAPackage("io.skald.routes..")
        .check(classes);
  }

  @Test
  void functionsDoNotCallEachOther() {
    noClasses().that().resideInAPackage("io.skald.chunker..")
        .should().dependOnClassesThat().resideInAnyPackage("io.skald.compactor..", "io.skald.querier..")
        .check(classes);
    noClasses().that().resideInAPackage("io.skald.compactor..")
        .should().dependOnClassesThat().resideInAnyPackage("io.skald.chunker..", "io.skald.querier..")
        .check(classes);
    noClasses().that().resideInAPackage("io.skald.querier..")
        .should().dependOnClassesThat().resideInAnyPackage("io.skald.chunker..", "io.skald.compactor..")
        .check(classes);
  }

  @Test
  void onlyTheAppPackageSeesEveryModule() {
    noClasses().that().resideOutsideOfPackage("io.skald.app..")
        .should().dependOnClassesThat().resideInAPackage("io.skald.app..")
        .check(classes);
  }
}
