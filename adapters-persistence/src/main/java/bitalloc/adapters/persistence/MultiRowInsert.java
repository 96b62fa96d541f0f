package bitalloc.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Table;

/**
 * The rows for one table, sent as multi-row inserts of {@value #ROWS_PER_STATEMENT} rows in one JDBC batch (one
 * prepared statement): about twice the rate of single-row batches on H2. Each shape of statement is rendered by jOOQ
 * once and kept in the map the caller passes: rendering a 100-row insert each time took a quarter of the history
 * writer's time.
 */
final class MultiRowInsert {

    static final int ROWS_PER_STATEMENT = 100;

    private final DSLContext dsl;
    private final Table<?> table;
    private final Field<?>[] columns;
    private final Map<String, String> rendered;
    private final List<Object[]> rows = new ArrayList<>();

    /** {@code rendered} is shared by every insert of its owner, and must be thread-safe if they run concurrently. */
    MultiRowInsert(DSLContext dsl, Table<?> table, Field<?>[] columns, Map<String, String> rendered) {
        this.dsl = dsl;
        this.table = table;
        this.columns = columns;
        this.rendered = rendered;
    }

    /** One row: a value for each column, in the order of the columns. */
    void add(Object... row) {
        rows.add(row);
    }

    void execute() {
        if (rows.isEmpty()) {
            return;
        }
        dsl.connection(connection -> {
            int fullStatements = rows.size() / ROWS_PER_STATEMENT;
            if (fullStatements > 0) {
                try (PreparedStatement insert = connection.prepareStatement(insertSql(ROWS_PER_STATEMENT))) {
                    for (int statement = 0; statement < fullStatements; statement++) {
                        bind(insert, statement * ROWS_PER_STATEMENT, ROWS_PER_STATEMENT);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            int rest = rows.size() % ROWS_PER_STATEMENT;
            if (rest > 0) {
                try (PreparedStatement insert = connection.prepareStatement(insertSql(rest))) {
                    bind(insert, fullStatements * ROWS_PER_STATEMENT, rest);
                    insert.executeUpdate();
                }
            }
        });
    }

    private void bind(PreparedStatement insert, int firstRow, int rowCount) throws SQLException {
        int parameter = 1;
        for (int row = firstRow; row < firstRow + rowCount; row++) {
            Object[] values = rows.get(row);
            for (int column = 0; column < columns.length; column++) {
                if (values[column] == null) {
                    insert.setNull(parameter++, columns[column].getDataType().getSQLType());
                } else {
                    insert.setObject(parameter++, values[column]);
                }
            }
        }
    }

    private String insertSql(int rowCount) {
        return rendered.computeIfAbsent(table.getName() + "/" + rowCount, key -> render(rowCount));
    }

    private String render(int rowCount) {
        InsertValuesStepN<?> insert = dsl.insertInto(table).columns(columns).values(new Object[columns.length]);
        for (int row = 1; row < rowCount; row++) {
            insert = insert.values(new Object[columns.length]);
        }
        return dsl.render(insert);
    }
}
