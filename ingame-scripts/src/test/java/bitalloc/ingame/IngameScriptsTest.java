package bitalloc.ingame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IngameScriptsTest {

    @Test
    void every_listed_file_is_on_the_classpath_and_is_an_ns2_module() {
        for (String name : IngameScripts.GAME_FILE_NAMES) {
            String text = IngameScripts.read(name);
            assertTrue(text.contains("export "), name + " exports nothing");
            assertTrue(name.startsWith("bitalloc/") && name.endsWith(".js"), name);
        }
    }

    @Test
    void every_runnable_script_has_a_main() {
        IngameScripts.GAME_FILE_NAMES.stream()
                .filter(name -> !List.of("bitalloc/config.js", "bitalloc/lib.js", "bitalloc/task.js").contains(name))
                .forEach(name -> assertTrue(IngameScripts.read(name).contains("export async function main(ns"), name));
    }

    @Test
    void the_scripts_never_name_window_or_document_which_cost_25_gb_each() {
        for (String name : IngameScripts.GAME_FILE_NAMES) {
            String text = IngameScripts.read(name);
            assertFalse(text.matches("(?s).*\\b(window|document)\\b.*"), name);
        }
    }

    @Test
    void reads_the_ram_a_script_states_and_nothing_for_an_imported_module() {
        assertEquals(java.util.Optional.of("1.75"), IngameScripts.documentedRam("bitalloc/weaken.js"));
        assertEquals(java.util.Optional.empty(), IngameScripts.documentedRam("bitalloc/config.js"));
    }

    @Test
    void refuses_a_file_that_is_not_shipped() {
        assertThrows(IllegalArgumentException.class, () -> IngameScripts.read("bitalloc/nope.js"));
    }

    @Test
    void the_pushed_config_points_at_the_server_and_carries_the_token() {
        String config = IngameScripts.configFor(URI.create("http://127.0.0.1:9000"), "s3cr\"et\\");

        assertTrue(config.contains("export const BITALLOC_URL = \"http://127.0.0.1:9000\";"), config);
        assertTrue(config.contains("export const BITALLOC_TOKEN = \"s3cr\\\"et\\\\\";"), config);
    }

    @Test
    void the_pushed_files_are_every_shipped_file_in_order_with_only_the_config_changed() {
        List<IngameScript> pushed = IngameScripts.forServer(URI.create("http://localhost:8420"), "token");

        assertEquals(IngameScripts.GAME_FILE_NAMES,
                pushed.stream().map(IngameScript::gameFileName).collect(Collectors.toList()));
        for (IngameScript script : pushed) {
            if (!script.gameFileName().equals(IngameScripts.CONFIG_FILE)) {
                assertEquals(IngameScripts.read(script.gameFileName()), script.content());
            }
        }
        assertTrue(pushed.get(0).content().contains("\"token\""));
    }

    @Test
    void javascript_string_literals_escape_quotes_backslashes_and_control_characters() {
        assertEquals("\"a\\\"b\\\\c\\u000a\\u00e9\"", IngameScripts.javaScriptString("a\"b\\c\né"));
    }
}
