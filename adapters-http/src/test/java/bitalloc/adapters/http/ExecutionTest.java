package bitalloc.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.api.AllocationApi;
import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.BitallocApi;
import bitalloc.adapters.http.api.Commands;
import bitalloc.adapters.http.api.Outcomes;
import bitalloc.adapters.http.api.RegistrationApi;
import bitalloc.adapters.http.security.BearerToken;
import bitalloc.adapters.http.server.HttpMetrics;
import bitalloc.domain.allocation.AllocationRequest;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Most calls run on the thread that read them; one that may wait runs on a worker. In the live service an
 * allocation waits for the agent's first scan, and a selector command carried out on its way waits for the agent's
 * answer: the server must keep reading other requests meanwhile, or the one that ends the wait never arrives.
 */
class ExecutionTest {

    private static final long PATIENCE_SECONDS = 5;

    @Test
    void an_allocation_that_waits_for_another_request_does_not_stop_the_server_from_reading_it() throws Exception {
        FakeBitallocApi fake = new FakeBitallocApi();
        CountDownLatch allocating = new CountDownLatch(1);
        CountDownLatch registered = new CountDownLatch(1);
        BitallocApi api = new BitallocApi(new WaitingAllocations(fake, allocating, registered),
                new SignallingRegistrations(fake, registered), fake, fake, fake, fake);
        HttpConfig config = HttpConfig.defaults().withPort(0);
        try (BitallocHttpServer server = new BitallocHttpServer(config, api, BearerToken.of(TestClient.TOKEN),
                new HttpMetrics(new PrometheusRegistry())).start()) {
            TestClient client = new TestClient(server.port());
            CompletableFuture<TestClient.Reply> allocation = client.sendAsync(
                    client.authorized("/api/v1/allocations").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(AllocationEndpointsTest.allocation("1.60", 1))));
            assertTrue(allocating.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the allocation never reached the API");

            TestClient.Reply registration = client.post("/api/v1/registrations",
                    "{\"hostname\":\"home\",\"pid\":3,\"filename\":\"bitalloc/agent.js\",\"ram\":2.45}");

            assertEquals(201, registration.status(), registration::toString);
            TestClient.Reply granted = allocation.get(2 * PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertEquals(201, granted.status(), granted::toString);
        }
    }

    /** Allocates only after a registration arrived; gives up (nothing free) when none comes in time. */
    private record WaitingAllocations(FakeBitallocApi fake, CountDownLatch allocating, CountDownLatch registered)
            implements AllocationApi {

        @Override
        public Either<ApiFailure, Outcomes.Granted> allocate(AllocationRequest request) {
            allocating.countDown();
            try {
                if (!registered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    return Either.left(new ApiFailure.NothingFree(request.totalRam()));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Either.left(new ApiFailure.NothingFree(request.totalRam()));
            }
            return fake.allocate(request);
        }

        @Override
        public Either<ApiFailure, Outcomes.Claimed> claim(Commands.Claim command) {
            return fake.claim(command);
        }

        @Override
        public Either<ApiFailure, Outcomes.Released> releaseClaim(Commands.ReleaseClaim command) {
            return fake.releaseClaim(command);
        }

        @Override
        public Either<ApiFailure, Outcomes.Released> releaseChunks(Commands.ReleaseChunks command) {
            return fake.releaseChunks(command);
        }

        @Override
        public Either<ApiFailure, Outcomes.Released> release(Commands.ReleaseAllocation command) {
            return fake.release(command);
        }
    }

    private record SignallingRegistrations(FakeBitallocApi fake, CountDownLatch registered)
            implements RegistrationApi {

        @Override
        public Either<ApiFailure, Outcomes.Registered> register(Commands.Register command) {
            registered.countDown();
            return fake.register(command);
        }

        @Override
        public Either<ApiFailure, Outcomes.Released> unregister(Commands.Unregister command) {
            return fake.unregister(command);
        }
    }
}
