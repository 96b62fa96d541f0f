package bitalloc.domain.host;

/** A server's hostname as the game reports it. Purchased servers may carry any name the player chose. */
public record HostName(String value) implements Comparable<HostName> {
    public HostName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("host name must not be blank");
        }
    }

    public static HostName of(String value) {
        return new HostName(value);
    }

    @Override
    public int compareTo(HostName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
