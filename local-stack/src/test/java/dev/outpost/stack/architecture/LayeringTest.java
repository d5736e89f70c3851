package dev.outpost.stack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine and the profile model know nothing of any UI or CLI: desktop is their only client. */
@AnalyzeClasses(packages = {"dev.outpost.stack", "dev.outpost.profiles"}, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule noUiTypesBelowDesktop = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "picocli..", "dev.outpost.desktop..");

    @ArchTest
    static final ArchRule profilesDoNotReachIntoTheEngine = noClasses().that().resideInAPackage("dev.outpost.profiles..")
            .should().dependOnClassesThat().resideInAPackage("dev.outpost.stack..");
}
