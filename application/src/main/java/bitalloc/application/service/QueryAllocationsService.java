package bitalloc.application.service;

import bitalloc.application.port.in.QueryAllocations;
import bitalloc.domain.allocation.Allocation;
import io.vavr.collection.List;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

@Singleton
public final class QueryAllocationsService implements QueryAllocations {

    private final Engine engine;

    @Inject
    public QueryAllocationsService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<Allocation> allocations() {
        return engine.locked(() -> engine.allocator().allocations());
    }
}
