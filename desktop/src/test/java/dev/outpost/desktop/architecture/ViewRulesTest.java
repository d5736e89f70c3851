package dev.outpost.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Views only bind to their view model; engine calls belong in view models, run off the FX thread. */
@AnalyzeClasses(packages = "dev.outpost.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewRulesTest {
    @ArchTest
    static final ArchRule viewsDoNotCallTheEngine = noClasses().that().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.outpost.stack.doctor.Doctor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.outpost.stack.settings.SettingsStore")
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.outpost.stack.process..",
                    "dev.outpost.stack.docker..", "com.github.dockerjava..");

    @ArchTest
    static final ArchRule cliDoesNotTouchTheUi = noClasses().that().resideInAPackage("dev.outpost.desktop.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.outpost.desktop.ui..");
}
