package bitalloc.adapters.http.api;

/** Every interface the routes call, bundled so the server takes one constructor argument. */
public record BitallocApi(AllocationApi allocations, RegistrationApi registrations, ScanApi scans, TaskApi tasks,
                          AgentApi agent, StatusApi status) {
    public BitallocApi {
        if (allocations == null || registrations == null || scans == null || tasks == null || agent == null
                || status == null) {
            throw new IllegalArgumentException("every API must be provided");
        }
    }
}
