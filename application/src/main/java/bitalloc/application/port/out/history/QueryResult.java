package bitalloc.application.port.out.history;

import io.vavr.collection.List;

/**
 * The answer to a read-only query. Values are Java objects: {@code Long}, {@code java.math.BigDecimal},
 * {@code Double}, {@code Boolean}, {@code java.time.Instant} (timestamps, normalised to UTC), {@code String};
 * a SQL NULL is {@code null}.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
}
