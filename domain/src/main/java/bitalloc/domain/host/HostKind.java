package bitalloc.domain.host;

/** What a host is, as the scan reports it (never guessed from the name: players name purchased servers freely). */
public enum HostKind {
    HOME,
    PURCHASED,
    NETWORK,
    HACKNET
}
