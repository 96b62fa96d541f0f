package bitalloc.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * One open store: a connection pool, migrated to the newest schema when opened (Flyway migrations are the only
 * source of the schema), and a jOOQ context in the database's dialect.
 */
public final class Database implements AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final DatabaseUrl url;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(DatabaseUrl url, HikariDataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, url.dialect(), new Settings().withExecuteLogging(false));
    }

    /** Opens the pool and applies any migration not yet applied; fails fast when the database cannot be reached. */
    public static Database open(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        url.defaultUser().forEach(config::setUsername);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("bitalloc-store");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(url, dataSource);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return url.dialect();
    }

    DataSource dataSource() {
        return dataSource;
    }

    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
