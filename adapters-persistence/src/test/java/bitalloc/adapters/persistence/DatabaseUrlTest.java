package bitalloc.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    static final Path HOME = Path.of("/home/player");

    @Test
    void an_h2_url_gets_the_flags_the_generated_code_needs_and_durable_commits_unless_it_has_them() {
        assertEquals("jdbc:h2:file:/tmp/x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                DatabaseUrl.parse("jdbc:h2:file:/tmp/x").get().jdbcUrl());
        assertEquals("jdbc:h2:mem:a;database_to_lower=true;write_delay=100;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
                DatabaseUrl.parse("jdbc:h2:mem:a;database_to_lower=true;write_delay=100").get().jdbcUrl());
        assertEquals(SQLDialect.H2, DatabaseUrl.parse("jdbc:h2:file:/tmp/x").get().dialect());
    }

    @Test
    void a_postgresql_url_is_kept_as_given_and_anything_else_is_refused_with_the_forms_that_work() {
        assertEquals(new DatabaseUrl("jdbc:postgresql://db:5432/bb", SQLDialect.POSTGRES),
                DatabaseUrl.parse(" jdbc:postgresql://db:5432/bb ").get());
        String reason = DatabaseUrl.parse("jdbc:mysql://db/bb").getLeft();
        assertTrue(reason.contains("jdbc:h2:file:") && reason.contains("jdbc:postgresql://"), reason);
    }

    @Test
    void the_data_directory_is_bitalloc_home_then_xdg_data_home_then_local_share() {
        Map<String, String> both = Map.of("BITALLOC_HOME", "/data/bb", "XDG_DATA_HOME", "/xdg");
        assertEquals(Path.of("/data/bb"), DatabaseUrl.dataDirectory(both::get, HOME));
        assertEquals(Path.of("/xdg/bitalloc"), DatabaseUrl.dataDirectory(Map.of("XDG_DATA_HOME", "/xdg")::get, HOME));
        assertEquals(Path.of("/home/player/.local/share/bitalloc"),
                DatabaseUrl.dataDirectory(Map.of("XDG_DATA_HOME", " ")::get, HOME));
    }

    @Test
    void the_embedded_default_is_a_shared_h2_file_there() {
        DatabaseUrl url = DatabaseUrl.embeddedDefault(Map.of("BITALLOC_HOME", "/data/bb")::get, HOME);
        assertTrue(url.jdbcUrl().startsWith("jdbc:h2:file:/data/bb/bitalloc;AUTO_SERVER=TRUE;MODE=PostgreSQL"),
                url.jdbcUrl());
    }
}
