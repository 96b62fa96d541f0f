package bitalloc.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "bitalloc.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    /** An allow-list: a new framework cannot slip in unnoticed. */
    @ArchTest
    static final ArchRule domain_uses_only_java_vavr_and_itself = classes()
            .that().resideInAPackage("bitalloc.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "bitalloc.domain..");

    @ArchTest
    static final ArchRule domain_packages_are_free_of_cycles = slices()
            .matching("bitalloc.domain.(*)..")
            .should().beFreeOfCycles();
}
