package bitalloc.application.port.in;

/**
 * Rebuilds the allocator and the selector from the durable state after a start (T8); the first scans and
 * heartbeats then drop what is gone and confirm what still runs.
 */
public interface Recover {

    Recovery recover();

    record Recovery(int allocations, int registrations, int tasks) {
    }
}
