package bitalloc.adapters.sim.script;

import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Either;

/**
 * What bitalloc's in-game scripts say to bitalloc, exactly the calls the real scripts make over HTTP. The
 * simulator's scripts call it; the lead's wiring implements it over the application's use cases (a test can
 * pass a fake). Calls are delivered at the instant they are made; a script waits
 * {@code ScriptProfile.linkLatency} between a grant and its first exec.
 */
public interface BitallocLink {

    /** Asks for {@code chunks} chunks of {@code chunkSize} RAM for a script's children. */
    Either<AllocationRefusal, AllocationGrant> allocate(AllocationRequest request);

    /** States that {@code pid} on {@code host} runs inside the allocation, using {@code chunks} chunks. */
    void claim(AllocationId allocation, HostName host, Pid pid, long chunks);

    /** Ends the claim of {@code pid}; its chunks stay granted until given back. */
    void releaseClaim(AllocationId allocation, Pid pid);

    /** Gives back {@code chunks} chunks of {@code chunkSize} on {@code host}. */
    void releaseChunks(AllocationId allocation, HostName host, Ram chunkSize, long chunks);

    /** Gives back the whole allocation. */
    void release(AllocationId allocation);

    /** A core service that started before it could be allocated declares its RAM. */
    void register(Registration registration);

    void unregister(HostName host, Pid pid);

    void heartbeat(Heartbeat heartbeat);

    void taskFinished(TaskFinished finished);
}
