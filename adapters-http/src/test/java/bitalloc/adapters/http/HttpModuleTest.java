package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.adapters.http.remote.PushListener;
import bitalloc.adapters.http.remote.RemoteApiConfig;
import bitalloc.adapters.http.remote.RemoteApiServer;
import bitalloc.adapters.http.remote.ScriptBundle;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.security.DataDirectory;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.vavr.collection.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpModuleTest {

    @TempDir
    Path dataDirectory;

    @Test
    void builds_both_servers_under_a_strict_binder_and_serves_with_the_kept_token() throws Exception {
        FakeBitallocApi fake = new FakeBitallocApi();
        Injector injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                bind(BitallocApi.class).toInstance(fake.api());
                bind(HttpConfig.class).toInstance(HttpConfig.defaults().withPort(0));
                bind(RemoteApiConfig.class).toInstance(RemoteApiConfig.defaults().withPort(0));
                bind(ScriptBundle.class).toInstance(new ScriptBundle(List.empty()));
                bind(PushListener.class).toInstance(report -> { });
                bind(DataDirectory.class).toInstance(new DataDirectory(dataDirectory));
                install(new HttpModule());
            }
        });

        assertSame(injector.getInstance(RemoteApiServer.class), injector.getInstance(RemoteApiServer.class));
        BearerToken token = injector.getInstance(BearerToken.class);
        try (BitallocHttpServer server = injector.getInstance(BitallocHttpServer.class).start()) {
            TestClient.Reply reply = new TestClient(server.port()).send(new TestClient(server.port())
                    .request("/api/v1/heartbeats")
                    .header("Authorization", "Bearer " + token.reveal())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pid\":1,\"filename\":\"t.js\","
                            + "\"target\":\"n00dles\",\"lifecycle\":\"sow\"}")));
            assertEquals(204, reply.status(), reply::toString);
        }
    }
}
