package bitalloc.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored: UTC, microsecond precision (what TIMESTAMP WITH TIME ZONE keeps on both databases;
 * truncating here makes both lose the same nanoseconds). Read back through toInstant (G8: H2 keeps the offset
 * written, PostgreSQL normalises to UTC).
 */
final class Times {

    private Times() {
    }

    static OffsetDateTime stored(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime stored) {
        return stored == null ? null : stored.toInstant();
    }
}
