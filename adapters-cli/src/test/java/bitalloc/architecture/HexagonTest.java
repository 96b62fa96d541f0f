package bitalloc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's arrows, checked over every module (this module's classpath holds them all). */
@AnalyzeClasses(packages = "bitalloc", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonTest {

    static final String DOMAIN = "bitalloc.domain..";
    static final String APPLICATION = "bitalloc.application..";
    static final String ADAPTERS = "bitalloc.adapters..";
    /** The one place allowed to see every adapter. */
    static final String COMPOSITION_ROOT = "bitalloc.boot..";
    /** The application's own Guice module is its only use of a framework beyond jakarta.inject. */
    static final String APPLICATION_WIRING = "bitalloc.application.wiring..";

    @ArchTest
    static final ArchRule application_uses_only_domain_and_injection_annotations = classes()
            .that().resideInAPackage(APPLICATION)
            .and().resideOutsideOfPackage(APPLICATION_WIRING)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.vavr..", "jakarta.inject..", DOMAIN, APPLICATION);

    @ArchTest
    static final ArchRule application_never_reaches_an_adapter = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule domain_never_reaches_outward = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, ADAPTERS, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule adapters_do_not_import_each_other = slices()
            .matching("bitalloc.adapters.(*)..")
            .should().notDependOnEachOther();
}
