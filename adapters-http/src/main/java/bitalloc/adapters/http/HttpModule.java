package bitalloc.adapters.http;

import bitalloc.adapters.http.remote.RemoteApiServer;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.security.DataDirectory;
import bitalloc.adapters.http.security.TokenFile;
import bitalloc.adapters.http.server.HttpMetrics;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

/**
 * The HTTP adapter's bindings. The composition root binds what the adapter cannot know: the API implementation
 * ({@code BitallocApi}), {@code HttpConfig}, {@code RemoteApiConfig}, {@code ScriptBundle}, {@code PushListener}
 * and the {@code DataDirectory} that holds the token.
 */
public final class HttpModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(BitallocHttpServer.class).in(Singleton.class);
        bind(RemoteApiServer.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    HttpMetrics metrics() {
        return new HttpMetrics(new PrometheusRegistry());
    }

    /** Generated on first start and kept (0600) in the data directory; the same token on every later start. */
    @Provides
    @Singleton
    BearerToken token(DataDirectory dataDirectory) {
        try {
            return TokenFile.loadOrCreate(dataDirectory.path(), new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token in " + dataDirectory.path(), e);
        }
    }
}
