package dev.sluice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's package arrows true: only the imports the picture allows. */
class PackageArrowsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice");
    }

    @Test
    void modules_never_import_the_sandbox_that_runs_them() {
        noClasses().that().resideInAPackage("dev.sluice.sandbox.modules..")
                .should().dependOnClassesThat().resideInAPackage("dev.sluice.sandbox")
                .check(classes);
    }

    @Test
    void the_sandbox_knows_nothing_of_the_layers_above_it() {
        noClasses().that().resideInAPackage("dev.sluice.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.user..", "dev.sluice.connection..", "dev.sluice.store..",
                        "dev.sluice.token..", "dev.sluice.config..")
                .check(classes);
    }

    @Test
    void nothing_but_the_cli_imports_the_cli() {
        noClasses().that().resideOutsideOfPackage("dev.sluice.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.sluice.cli..")
                .check(classes);
    }

    @Test
    void nothing_outside_the_sandbox_touches_graalvm() {
        noClasses().that().resideOutsideOfPackages("dev.sluice.sandbox..", "dev.sluice.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.graalvm..")
                .allowEmptyShould(true) // until http, migration & co. exist, only sandbox and cli have classes
                .check(classes);
    }

    @Test
    void config_is_a_leaf_that_imports_no_other_sluice_package() {
        noClasses().that().resideInAPackage("dev.sluice.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.user..", "dev.sluice.connection..", "dev.sluice.store..",
                        "dev.sluice.token..", "dev.sluice.sandbox..")
                .check(classes);
    }

    @Test
    void token_is_a_leaf_that_imports_no_other_sluice_package() {
        noClasses().that().resideInAPackage("dev.sluice.token..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.user..", "dev.sluice.connection..", "dev.sluice.store..",
                        "dev.sluice.config..", "dev.sluice.sandbox..")
                .check(classes);
    }

    @Test
    void http_imports_only_migration_connection_token_and_config() {
        noClasses().that().resideInAPackage("dev.sluice.http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.user..",
                        "dev.sluice.store..", "dev.sluice.sandbox..")
                .check(classes);
    }

    @Test
    void the_store_is_a_leaf_and_users_import_only_the_store() {
        noClasses().that().resideInAPackage("dev.sluice.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.user..", "dev.sluice.connection..", "dev.sluice.token..",
                        "dev.sluice.config..", "dev.sluice.sandbox..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.sluice.user..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.connection..", "dev.sluice.token..",
                        "dev.sluice.config..", "dev.sluice.sandbox..")
                .check(classes);
    }

    @Test
    void migration_imports_only_user_connection_and_sandbox_and_no_server_framework() {
        noClasses().that().resideInAPackage("dev.sluice.migration..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.token..", "dev.sluice.config..", "dev.sluice.client..", "io.vertx..",
                        "org.graalvm..")
                .check(classes);
    }

    @Test
    void connections_import_only_the_store() {
        noClasses().that().resideInAPackage("dev.sluice.connection..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.user..", "dev.sluice.token..", "dev.sluice.config..",
                        "dev.sluice.sandbox..")
                .check(classes);
    }

    @Test
    void clients_import_only_the_store() {
        noClasses().that().resideInAPackage("dev.sluice.client..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.http..",
                        "dev.sluice.migration..", "dev.sluice.user..", "dev.sluice.connection..", "dev.sluice.token..",
                        "dev.sluice.config..", "dev.sluice.sandbox..")
                .check(classes);
    }
}
