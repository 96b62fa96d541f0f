package bitalloc.adapters.http.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Keeps the bearer token in {@code <data dir>/token}: generated on first start, readable by the owner only
 * (0600 where the file system has POSIX permissions), read back on every later start.
 */
public final class TokenFile {

    public static final String FILE_NAME = "token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private TokenFile() {
    }

    public static BearerToken loadOrCreate(Path dataDirectory, SecureRandom random) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        createDirectory(dataDirectory);
        BearerToken token = BearerToken.generate(random);
        try {
            // Created with its permissions, so the token is never readable by others, not even for a moment.
            if (posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return read(file);
        }
        Files.writeString(file, token.reveal() + "\n", StandardCharsets.US_ASCII);
        return token;
    }

    private static BearerToken read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (text.isEmpty()) {
            throw new IOException("the token file " + file + " is empty; delete it to generate a new token");
        }
        return BearerToken.of(text);
    }

    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix(directory.toAbsolutePath().getRoot())) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
