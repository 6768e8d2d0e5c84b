package dev.sluice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void the_embedded_default_is_an_h2_file_under_the_data_directory() {
        StoreSettings settings = StoreSettings.embedded(Path.of("/var/sluice/data"));

        assertThat(settings.url()).startsWith("jdbc:h2:file:/var/sluice/data/sluice;");
        assertThat(settings.dialect()).isEqualTo(Dialect.H2);
    }

    @Test
    void postgres_and_mysql_urls_select_their_dialects() {
        assertThat(Dialect.fromUrl("jdbc:postgresql://db:5432/sluice")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.fromUrl("jdbc:mysql://db:3306/sluice")).isEqualTo(Dialect.MYSQL);
    }

    @Test
    void an_unknown_url_is_refused_naming_the_field() {
        assertThatThrownBy(() -> StoreSettings.of("jdbc:oracle:thin:@db", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("store.url:");
        assertThatThrownBy(() -> StoreSettings.of("jdbc:mariadb://db/sluice", "u", "p"))
                .hasMessageContaining("jdbc:mysql://");
    }

    @Test
    void a_pool_size_out_of_range_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:h2:mem:x", "", "", 0))
                .hasMessageStartingWith("store.maximumPoolSize:");
    }

    @Test
    void the_password_is_not_printed() {
        assertThat(StoreSettings.of("jdbc:postgresql://db/sluice", "sluice", "s3cret-pw").toString())
                .doesNotContain("s3cret-pw");
    }

    @Test
    void an_unreachable_database_fails_with_a_store_exception_naming_the_url() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://127.0.0.1:1/nothing", "u", "p", 1);

        assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("p\"");
    }
}
