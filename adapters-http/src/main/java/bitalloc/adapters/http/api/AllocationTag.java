package bitalloc.adapters.http.api;

/** The tag children carry as {@code --allocId=<tag>}: the allocation id, possibly with a keyed checksum. */
public record AllocationTag(String value) {
    public AllocationTag {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tag must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
