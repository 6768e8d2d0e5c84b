package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rewriting node-postgres's {@code $n} placeholders for JDBC. */
class PgSqlTest {

    @Test
    void placeholders_become_question_marks_in_the_order_they_appear() {
        PgSql sql = PgSql.parse("SELECT * FROM t WHERE b = $2 AND a = $1 OR c = $2");

        assertThat(sql.jdbcSql()).isEqualTo("SELECT * FROM t WHERE b = ? AND a = ? OR c = ?");
        assertThat(sql.order()).isEqualTo(List.of(2, 1, 2));
        assertThat(sql.parameterCount()).isEqualTo(2);
    }

    @Test
    void dollars_and_question_marks_inside_literals_identifiers_and_comments_are_left_alone() {
        PgSql sql = PgSql.parse("SELECT '$1 ?', E'it\\'s $2', \"col$1\", $$ $3 $$, $tag$ $4 ?$tag$, a$1 -- $5 ?\n"
                + "/* $6 /* ? */ */ FROM t WHERE x = $1 AND j ? 'k'");

        assertThat(sql.jdbcSql()).isEqualTo("SELECT '$1 ?', E'it\\'s $2', \"col$1\", $$ $3 $$, $tag$ $4 ?$tag$, a$1"
                + " -- $5 ?\n/* $6 /* ? */ */ FROM t WHERE x = ? AND j ?? 'k'");
        assertThat(sql.order()).isEqualTo(List.of(1));
    }

    @Test
    void a_value_count_that_does_not_match_fails_as_the_server_does() {
        PgSql sql = PgSql.parse("SELECT $1, $2");

        assertThatThrownBy(() -> sql.check(1)).isInstanceOf(ModuleError.class)
                .hasMessage("bind message supplies 1 parameters, but prepared statement \"\" requires 2");
    }

    @Test
    void the_command_tag_is_the_statement_keyword_even_after_with() {
        assertThat(PgResults.command("  select 1")).isEqualTo("SELECT");
        assertThat(PgResults.command("/* c */ UPDATE t SET a = 1")).isEqualTo("UPDATE");
        assertThat(PgResults.command("WITH x AS (SELECT 1) DELETE FROM t USING x")).isEqualTo("DELETE");
        assertThat(PgResults.command("VALUES (1)")).isEqualTo("SELECT");
    }
}
