package bitalloc.boot;

/** Where a run keeps its durable state and history. */
@FunctionalInterface
public interface StoreChoice {

    Store open();

    static StoreChoice inMemory() {
        return Stores::inMemory;
    }
}
