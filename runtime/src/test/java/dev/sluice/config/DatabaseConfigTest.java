package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void database_urls_of_the_four_supported_families_are_accepted() {
        assertThat(DatabaseConfig.parse("jdbc:h2:mem:t", Optional.empty(), Optional.empty()).kind())
                .isEqualTo(DatabaseConfig.Kind.H2);
        assertThat(DatabaseConfig.parse("jdbc:postgresql://h/d", Optional.empty(), Optional.empty()).kind())
                .isEqualTo(DatabaseConfig.Kind.POSTGRESQL);
        assertThat(DatabaseConfig.parse("jdbc:mysql://h/d", Optional.empty(), Optional.empty()).kind())
                .isEqualTo(DatabaseConfig.Kind.MYSQL);
        assertThat(DatabaseConfig.parse("jdbc:mariadb://h/d", Optional.empty(), Optional.empty()).kind())
                .isEqualTo(DatabaseConfig.Kind.MARIADB);
    }

    @Test
    void credentials_in_a_url_are_masked_when_shown() {
        assertThat(DatabaseConfig.redact("jdbc:postgresql://u:pw@h/d?user=u&password=pw2&ssl=true"))
                .isEqualTo("jdbc:postgresql://u:***@h/d?user=u&password=***&ssl=true");
        assertThat(DatabaseConfig.redact("jdbc:h2:file:/d/sluice;PASSWORD=x;USER=sa"))
                .isEqualTo("jdbc:h2:file:/d/sluice;PASSWORD=***;USER=sa");
    }

    @Test
    void the_password_is_not_shown() {
        DatabaseConfig config = DatabaseConfig.parse("jdbc:mysql://h/d", Optional.of("u"), Optional.of("hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2").contains("password=***", "user=u");
    }
}
