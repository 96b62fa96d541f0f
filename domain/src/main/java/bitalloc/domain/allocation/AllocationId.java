package bitalloc.domain.allocation;

import java.util.UUID;

/** 128 random bits naming one allocation; written into children's arguments as the tag. */
public record AllocationId(UUID value) {
    public AllocationId {
        if (value == null) {
            throw new IllegalArgumentException("allocation id must not be null");
        }
    }

    /** Parses the UUID text form; returns null-free failures as exceptions for callers at the edge to map. */
    public static AllocationId parse(String text) {
        return new AllocationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
