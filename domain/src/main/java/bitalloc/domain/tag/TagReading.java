package bitalloc.domain.tag;

import bitalloc.domain.allocation.AllocationId;

/** What a process's arguments say about its allocation. */
public sealed interface TagReading {

    /** No {@code --allocId} argument at all. */
    record Untagged() implements TagReading {
    }

    /** A well-formed tag whose checksum (when a key is configured) is right. Whether it is live is another matter. */
    record Tagged(AllocationId id) implements TagReading {
    }

    /** A tag that is malformed or fails the checksum: the process is foreign. */
    record Forged(String value) implements TagReading {
    }

    TagReading UNTAGGED = new Untagged();
}
