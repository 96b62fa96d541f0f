package bitalloc.adapters.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTest {

    @TempDir
    Path temp;

    @Test
    void generates_the_token_once_owner_readable_only_and_keeps_it() throws Exception {
        Path data = temp.resolve("bitalloc");

        BearerToken first = TokenFile.loadOrCreate(data, new SecureRandom());
        BearerToken second = TokenFile.loadOrCreate(data, new SecureRandom());

        assertEquals(first.reveal(), second.reveal());
        assertEquals(43, first.reveal().length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("token"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void generates_different_tokens_in_different_directories() throws Exception {
        assertNotEquals(TokenFile.loadOrCreate(temp.resolve("a"), new SecureRandom()).reveal(),
                TokenFile.loadOrCreate(temp.resolve("b"), new SecureRandom()).reveal());
    }

    @Test
    void accepts_only_the_exact_token_after_the_bearer_scheme() {
        BearerToken token = BearerToken.of("abc123");

        assertTrue(token.acceptsHeader("Bearer abc123"));
        assertTrue(token.acceptsHeader("bearer abc123"));
        assertFalse(token.acceptsHeader("Bearer abc1234"));
        assertFalse(token.acceptsHeader("Bearer abc12"));
        assertFalse(token.acceptsHeader("Bearer "));
        assertFalse(token.acceptsHeader("abc123"));
        assertFalse(token.acceptsHeader(null));
        assertFalse(token.toString().contains("abc123"));
    }

    @Test
    void finds_the_data_directory_from_the_environment() {
        Path home = Path.of("/home/player");

        assertEquals(Path.of("/srv/b"), DataDirectory.resolve(Map.of("BITALLOC_HOME", "/srv/b"), home).path());
        assertEquals(Path.of("/x/bitalloc"), DataDirectory.resolve(Map.of("XDG_DATA_HOME", "/x"), home).path());
        assertEquals(Path.of("/home/player/.local/share/bitalloc"), DataDirectory.resolve(Map.of(), home).path());
    }

    @Test
    void never_allows_every_origin() {
        assertThrows(IllegalArgumentException.class, () -> new CorsPolicy(List.of("*"), Duration.ZERO));
    }
}
