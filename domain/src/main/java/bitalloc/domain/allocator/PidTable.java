package bitalloc.domain.allocator;

import java.util.Arrays;

/**
 * The tracked processes of one host by pid: open addressing with linear probing over primitive keys, with the
 * fields the scan reads for every process kept in parallel arrays beside the keys. The game hands pids out in
 * increasing order and lists them mostly in that order, and pids index the table nearly as they are, so a scan
 * walks these arrays forward instead of chasing one object per process.
 */
final class PidTable {

    /** The cached classification is void: resolve the process again. */
    static final byte UNRESOLVED = 0;
    /** Nothing makes the process ours. */
    static final byte FOREIGN = 1;
    /** Ours through a tag (or claim) only: owner and grant are in the arrays. */
    static final byte OWNED = 2;
    /** Linked to a claim, registration or request: the scan consults the process object. */
    static final byte LINKED = 3;

    private static final long EMPTY = 0;

    long[] keys = new long[16];
    TrackedProcess[] processes = new TrackedProcess[16];
    byte[] kinds = new byte[16];
    long[] seenGeneration = new long[16];
    long[] ram = new long[16];
    boolean[] countedForeign = new boolean[16];
    AllocationState[] owners = new AllocationState[16];
    GrantSlot[] slots = new GrantSlot[16];
    private int size;
    /** Changes whenever a pid is added, removed or must be classified again. */
    private long version;
    private long[] unseen = new long[16];

    /** The slot holding {@code pid}, or -1. */
    int indexOf(long pid) {
        int mask = keys.length - 1;
        for (int i = slotOf(pid, mask); ; i = (i + 1) & mask) {
            long key = keys[i];
            if (key == pid) {
                return i;
            }
            if (key == EMPTY) {
                return -1;
            }
        }
    }

    TrackedProcess get(long pid) {
        int index = indexOf(pid);
        return index < 0 ? null : processes[index];
    }

    /** Adds a pid not yet in the table; returns its slot. */
    int insert(long pid, TrackedProcess process) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pids are positive: " + pid);
        }
        if ((size + 1) * 2 > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = slotOf(pid, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == pid) {
                throw new IllegalStateException("pid " + pid + " is tracked already");
            }
            i = (i + 1) & mask;
        }
        version++;
        keys[i] = pid;
        processes[i] = process;
        kinds[i] = UNRESOLVED;
        seenGeneration[i] = -1;
        size++;
        return i;
    }

    /** A claim or registration now names this pid: classify it again at the next scan. */
    void invalidate(long pid) {
        int index = indexOf(pid);
        if (index >= 0) {
            version++;
            kinds[index] = UNRESOLVED;
            processes[index].invalid = true;
        }
    }

    int size() {
        return size;
    }

    long version() {
        return version;
    }

    /** Hands every tracked process to {@code action}, with the RAM and class its last scan saw. */
    void forEach(java.util.function.Consumer<TrackedProcess> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(withLastSighting(i));
            }
        }
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(processes, null);
        Arrays.fill(owners, null);
        Arrays.fill(slots, null);
        size = 0;
        version++;
    }

    /** Removes every process not seen in {@code generation}, handing each to {@code exited}. */
    void removeUnseen(long generation, java.util.function.Consumer<TrackedProcess> exited) {
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && seenGeneration[i] != generation) {
                if (count == unseen.length) {
                    unseen = Arrays.copyOf(unseen, count * 2);
                }
                unseen[count++] = keys[i];
            }
        }
        for (int i = 0; i < count; i++) {
            exited.accept(remove(unseen[i]));
        }
    }

    private TrackedProcess withLastSighting(int index) {
        TrackedProcess process = processes[index];
        process.ram = ram[index];
        process.countedForeign = countedForeign[index];
        return process;
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private TrackedProcess remove(long pid) {
        int mask = keys.length - 1;
        int hole = indexOf(pid);
        version++;
        TrackedProcess removed = withLastSighting(hole);
        int next = hole;
        while (true) {
            next = (next + 1) & mask;
            long key = keys[next];
            if (key == EMPTY) {
                break;
            }
            int home = slotOf(key, mask);
            boolean homeBetweenHoleAndNext = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeBetweenHoleAndNext) {
                move(next, hole);
                hole = next;
            }
        }
        keys[hole] = EMPTY;
        processes[hole] = null;
        owners[hole] = null;
        slots[hole] = null;
        size--;
        return removed;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        processes[to] = processes[from];
        kinds[to] = kinds[from];
        seenGeneration[to] = seenGeneration[from];
        ram[to] = ram[from];
        countedForeign[to] = countedForeign[from];
        owners[to] = owners[from];
        slots[to] = slots[from];
    }

    private void resize(int capacity) {
        PidTable old = new PidTable();
        old.keys = keys;
        old.processes = processes;
        old.kinds = kinds;
        old.seenGeneration = seenGeneration;
        old.ram = ram;
        old.countedForeign = countedForeign;
        old.owners = owners;
        old.slots = slots;
        keys = new long[capacity];
        processes = new TrackedProcess[capacity];
        kinds = new byte[capacity];
        seenGeneration = new long[capacity];
        ram = new long[capacity];
        countedForeign = new boolean[capacity];
        owners = new AllocationState[capacity];
        slots = new GrantSlot[capacity];
        int mask = capacity - 1;
        for (int from = 0; from < old.keys.length; from++) {
            if (old.keys[from] != EMPTY) {
                int to = slotOf(old.keys[from], mask);
                while (keys[to] != EMPTY) {
                    to = (to + 1) & mask;
                }
                keys[to] = old.keys[from];
                processes[to] = old.processes[from];
                kinds[to] = old.kinds[from];
                seenGeneration[to] = old.seenGeneration[from];
                ram[to] = old.ram[from];
                countedForeign[to] = old.countedForeign[from];
                owners[to] = old.owners[from];
                slots[to] = old.slots[from];
            }
        }
    }

    private static int slotOf(long pid, int mask) {
        return (int) (pid ^ (pid >>> 32)) & mask;
    }
}
