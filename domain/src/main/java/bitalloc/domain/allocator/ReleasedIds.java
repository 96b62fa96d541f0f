package bitalloc.domain.allocator;

import bitalloc.domain.allocation.AllocationId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The most recently released ids, so a repeated release can say "already released" rather than "unknown". */
final class ReleasedIds {

    private final Map<AllocationId, Boolean> recent;

    ReleasedIds(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AllocationId, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void remember(AllocationId id) {
        recent.put(id, Boolean.TRUE);
    }

    boolean contains(AllocationId id) {
        return recent.containsKey(id);
    }
}
