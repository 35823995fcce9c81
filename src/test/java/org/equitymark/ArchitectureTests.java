package org.equitymark;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the feature packages may depend on each other and on Camunda: no cycle between top-level
 * packages (each can be read, and changed, after the ones it uses), and the engine's internals
 * ({@code org.camunda.bpm.engine.impl..}, whose statement ids, classes and tables change between
 * Camunda versions) used only in {@code engine/}, apart from the few every feature needs: the engine
 * clock, the current authentication, and the plugin base classes.
 */
class ArchitectureTests {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("org.equitymark");
  }

  @Test
  void shouldHaveNoCycleBetweenTopLevelPackages() {
    slices().matching("org.equitymark.(*)..").namingSlices("$1")
        .should().beFreeOfCycles()
        .check(classes);
  }

  @Test
  void shouldKeepTheEnginesInternalsInTheEnginePackage() {
    noClasses().that().resideOutsideOfPackage("org.equitymark.engine..")
        .should().dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
            .and(not(belongToAnyOf(ClockUtil.class, Authentication.class,
                AbstractProcessEnginePlugin.class, ProcessEnginePlugin.class))))
        .because("Camunda's internals change between versions: engine/ is the one place to adapt")
        .check(classes);
  }

  @Test
  void shouldKeepTheEnginePackageFreeOfTheSchemesFeatures() {
    noClasses().that().resideInAPackage("org.equitymark.engine..")
        .should().dependOnClassesThat(resideInAPackage("org.equitymark..")
            .and(not(resideInAPackage("org.equitymark.engine.."))))
        .because("the engine's adaptation is infrastructure that features build on, never the reverse")
        .check(classes);
  }
}
