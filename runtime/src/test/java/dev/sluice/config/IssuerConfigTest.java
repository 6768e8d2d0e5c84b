package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuerConfigTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://id.example.com           | https://id.example.com/
            https://id.example.com/          | https://id.example.com/
            https://id.example.com///        | https://id.example.com/
            HTTPS://ID.Example.COM/Tenant    | https://id.example.com/Tenant/
            http://localhost:8080/auth//     | http://localhost:8080/auth/
            '  https://id.example.com  '     | https://id.example.com/
            http://[::1]:9000                | http://[::1]:9000/
            """)
    void an_issuer_is_normalized_to_end_with_exactly_one_slash(String given, String normalized) {
        assertThat(IssuerConfig.parse(given).url()).isEqualTo(normalized);
    }

    @Test
    void urls_are_resolved_against_the_issuer() {
        IssuerConfig issuer = IssuerConfig.parse("https://id.example.com/tenant");

        assertThat(issuer.managementAudience()).isEqualTo("https://id.example.com/tenant/api/v2/");
        assertThat(issuer.resolve("/.well-known/jwks.json"))
                .isEqualTo("https://id.example.com/tenant/.well-known/jwks.json");
    }

    @Test
    void an_issuer_record_cannot_be_built_unnormalized() {
        assertThatThrownBy(() -> new IssuerConfig("https://id.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
