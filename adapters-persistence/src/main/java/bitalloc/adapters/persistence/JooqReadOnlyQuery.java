package bitalloc.adapters.persistence;

import bitalloc.application.port.out.history.QueryRefused;
import bitalloc.application.port.out.history.QueryResult;
import bitalloc.application.port.out.history.ReadOnlyQuery;
import bitalloc.application.port.out.history.ReadOnlyStatementCheck;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Locale;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * Runs a player's query. Beyond the statement check, the database itself is the guard: the query runs through
 * {@code executeQuery} (H2 refuses anything that is not a query there), in a transaction that is read-only
 * (PostgreSQL refuses every write in it) and always rolled back.
 */
public final class JooqReadOnlyQuery implements ReadOnlyQuery {

    private static final int TIMEOUT_SECONDS = 60;

    private final DataSource dataSource;
    private final SQLDialect dialect;

    public JooqReadOnlyQuery(Database database) {
        this.dataSource = database.dataSource();
        this.dialect = database.dialect();
    }

    @Override
    public Either<QueryRefused, QueryResult> run(String sql) {
        return ReadOnlyStatementCheck.check(sql).flatMap(this::runChecked);
    }

    /** Runs without the statement check: package-private so a test can show the database guard on its own. */
    Either<QueryRefused, QueryResult> runChecked(String query) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                if (dialect.family() == SQLDialect.POSTGRES) {
                    statement.execute("SET TRANSACTION READ ONLY");
                }
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet rows = statement.executeQuery(query)) {
                    return Either.right(read(rows));
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return Either.left(refusal(e));
        }
    }

    private static QueryRefused refusal(SQLException e) {
        String message = firstLine(e.getMessage());
        // 25006: read_only_sql_transaction (PostgreSQL); 90001/90002: not a query / not an update (H2).
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("25006") || state.equals("90001") || state.equals("90002")) {
            return new QueryRefused.NotReadOnly("refused: the database refused a write: " + message);
        }
        return new QueryRefused.SqlError("SQL error: " + message);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown error" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static QueryResult read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        java.util.List<String> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        java.util.List<List<Object>> result = new ArrayList<>();
        while (rows.next()) {
            java.util.List<Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(value(rows, meta, i));
            }
            result.add(List.ofAll(row));
        }
        return new QueryResult(List.ofAll(columns), List.ofAll(result));
    }

    /** One cell, normalised so both databases answer with the same Java types (see {@link QueryResult}). */
    private static Object value(ResultSet rows, ResultSetMetaData meta, int column) throws SQLException {
        if (isTimestampWithTimeZone(meta, column)) {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
        Object value = rows.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Long || value instanceof BigDecimal || value instanceof Double
                || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    private static boolean isTimestampWithTimeZone(ResultSetMetaData meta, int column) throws SQLException {
        String typeName = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        return meta.getColumnType(column) == Types.TIMESTAMP_WITH_TIMEZONE
                || typeName.equals("timestamptz") || typeName.contains("with time zone");
    }
}
