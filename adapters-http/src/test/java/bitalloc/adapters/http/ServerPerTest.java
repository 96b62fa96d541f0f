package bitalloc.adapters.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh server over a fresh fake API for every test, so no test sees another's calls. */
abstract class ServerPerTest {

    protected RunningServer running;
    protected TestClient client;

    @BeforeEach
    void startServer() throws Exception {
        running = new RunningServer();
        client = running.client;
    }

    @AfterEach
    void stopServer() throws Exception {
        running.close();
    }
}
