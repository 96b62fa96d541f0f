package bitalloc.boot;

import bitalloc.adapters.cli.StoreAccess;
import bitalloc.adapters.persistence.Database;
import bitalloc.adapters.persistence.DatabaseUrl;
import bitalloc.adapters.persistence.PersistenceModule;
import bitalloc.application.port.out.history.ReadOnlyQuery;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Builds the store for the commands that need it, through Guice and the persistence module: the given JDBC URL,
 * or the embedded H2 file in the per-user data directory. A small piece of the composition root.
 */
public final class StoreBoot implements StoreAccess {

    private final UnaryOperator<String> environment;

    public StoreBoot(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Either<String, QuerySession> openForQueries(Option<String> jdbcUrl) {
        return url(jdbcUrl).flatMap(StoreBoot::open);
    }

    private Either<String, DatabaseUrl> url(Option<String> jdbcUrl) {
        return jdbcUrl.isDefined() ? DatabaseUrl.parse(jdbcUrl.get())
                : Either.right(DatabaseUrl.embeddedDefault(environment, Path.of(System.getProperty("user.home"))));
    }

    private static Either<String, QuerySession> open(DatabaseUrl url) {
        try {
            Injector injector = injector(url);
            Database database = injector.getInstance(Database.class);
            ReadOnlyQuery query = injector.getInstance(ReadOnlyQuery.class);
            return Either.right(new QuerySession() {
                @Override
                public ReadOnlyQuery query() {
                    return query;
                }

                @Override
                public void close() {
                    database.close();
                }
            });
        } catch (RuntimeException e) {
            return Either.left("cannot open the store at " + url + ": " + rootMessage(e));
        }
    }

    static Injector injector(DatabaseUrl url) {
        return Guice.createInjector(new StrictBinding(), new PersistenceModule(url));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The binder rules of the composition root (STYLE.md): nothing is bound implicitly. */
    private static final class StrictBinding extends AbstractModule {
        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            binder().requireAtInjectOnConstructors();
            binder().disableCircularProxies();
        }
    }
}
