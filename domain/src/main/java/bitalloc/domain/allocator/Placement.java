package bitalloc.domain.allocator;

import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.host.HostAccount;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostLedger;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Either;

/**
 * Decides where the chunks of a request go (DESIGN A2), without changing anything: the caller books the plan
 * only when it is complete, so a refused request leaves no trace.
 *
 * <p>Order of preference: core-dependent requests prefer more cores (home first); long-running ones prefer network
 * servers, then purchased servers, home last; then more effective free RAM; then host name. A contiguous request
 * goes to the most preferred host that holds every chunk, if there is one. Otherwise chunks fill the most preferred
 * hosts first. Every host gets at most what its effective free RAM holds (R1).
 *
 * <p>Runs in one pass over the hosts in the common case; reuses its scratch arrays (single-threaded by contract).
 */
final class Placement {

    private static final int FREE_BITS = 44;
    private static final long MAX_FREE = (1L << FREE_BITS) - 1;

    private final HostLedger ledger;
    private HostAccount[] candidates = new HostAccount[0];
    private long[] candidateScore = new long[0];
    private int[] candidateFits = new int[0];
    private final Plan plan = new Plan();

    Placement(HostLedger ledger) {
        this.ledger = ledger;
    }

    /** Where {@code chunkCount} chunks of the request's size go; the plan is valid until the next call. */
    Either<AllocationRefused, Plan> place(AllocationRequest request, int chunkCount) {
        long chunk = request.chunkSize().hundredths();
        long whole = Math.multiplyExact(chunk, chunkCount);
        HostAccount best = null;
        long bestScore = -1;
        HostAccount bestWhole = null;
        long bestWholeScore = -1;
        boolean contiguous = request.contiguous();
        int hosts = ledger.size();
        for (int i = 0; i < hosts; i++) {
            HostAccount host = ledger.at(i);
            long free = host.effectiveFreeHundredths();
            if (free < chunk) {
                continue;
            }
            long score = score(request, host, free);
            // Strictly greater: among equal scores the earlier host in name order wins.
            if (score > bestScore) {
                best = host;
                bestScore = score;
            }
            if (contiguous && free >= whole && score > bestWholeScore) {
                bestWhole = host;
                bestWholeScore = score;
            }
        }
        plan.clear();
        if (best == null) {
            return Either.left(nothingFits(request.chunkSize()));
        }
        if (bestWhole != null) {
            plan.add(bestWhole, chunkCount);
            return Either.right(plan);
        }
        if (best.effectiveFreeHundredths() >= whole) {
            plan.add(best, chunkCount);
            return Either.right(plan);
        }
        return spread(request, chunkCount);
    }

    private Either<AllocationRefused, Plan> spread(AllocationRequest request, int chunkCount) {
        long chunk = request.chunkSize().hundredths();
        int count = collectCandidates(request, chunk);
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += candidateFits[i];
        }
        if (total < chunkCount && !request.shrinkable()) {
            return Either.left(new AllocationRefused.NotEnoughFree(request.chunkSize().times(chunkCount),
                    request.chunkSize().times(total)));
        }
        int remaining = (int) Math.min(chunkCount, total);
        while (remaining > 0) {
            int chosen = -1;
            for (int i = 0; i < count; i++) {
                if (candidateFits[i] > 0 && (chosen < 0 || candidateScore[i] > candidateScore[chosen])) {
                    chosen = i;
                }
            }
            int take = Math.min(remaining, candidateFits[chosen]);
            plan.add(candidates[chosen], take);
            candidateFits[chosen] = 0;
            remaining -= take;
        }
        return Either.right(plan);
    }

    private int collectCandidates(AllocationRequest request, long chunk) {
        int hosts = ledger.size();
        if (candidates.length < hosts) {
            candidates = new HostAccount[hosts];
            candidateScore = new long[hosts];
            candidateFits = new int[hosts];
        }
        int count = 0;
        for (int i = 0; i < hosts; i++) {
            HostAccount host = ledger.at(i);
            long free = host.effectiveFreeHundredths();
            if (free >= chunk) {
                candidates[count] = host;
                candidateScore[count] = score(request, host, free);
                candidateFits[count] = (int) Math.min(Integer.MAX_VALUE, free / chunk);
                count++;
            }
        }
        return count;
    }

    private AllocationRefused nothingFits(Ram chunk) {
        long largestCapacity = -1;
        for (int i = 0; i < ledger.size(); i++) {
            HostAccount host = ledger.at(i);
            if (host.isPresent()) {
                largestCapacity = Math.max(largestCapacity, host.capacityHundredths());
            }
        }
        if (largestCapacity >= 0 && chunk.hundredths() > largestCapacity) {
            return new AllocationRefused.ChunkLargerThanAnyHost(chunk, Ram.ofHundredths(largestCapacity));
        }
        return new AllocationRefused.NothingFree(chunk);
    }

    /**
     * How much the request prefers {@code host}, as one number: the preference by cores and kind in the high bits,
     * effective free RAM in the low 44 bits (up to 175 TB), so one comparison orders two hosts.
     */
    private static long score(AllocationRequest request, HostAccount host, long free) {
        long preference = 0;
        if (request.coreDependent()) {
            preference = Math.min(host.cores(), 1023) * 2L + (host.kind() == HostKind.HOME ? 1 : 0);
        }
        if (request.longRunning()) {
            preference = preference * 4 + (3 - longRunningRank(host.kind()));
        }
        return preference << FREE_BITS | Math.min(free, MAX_FREE);
    }

    private static int longRunningRank(HostKind kind) {
        return switch (kind) {
            case NETWORK -> 0;
            case PURCHASED -> 1;
            case HACKNET -> 2;
            case HOME -> 3;
        };
    }

    /** Where chunks go: parallel arrays of hosts and chunk counts, in preference order. */
    static final class Plan {
        private HostAccount[] hosts = new HostAccount[4];
        private int[] chunks = new int[4];
        private int size;

        void clear() {
            size = 0;
        }

        void add(HostAccount host, int count) {
            if (size == hosts.length) {
                hosts = java.util.Arrays.copyOf(hosts, size * 2);
                chunks = java.util.Arrays.copyOf(chunks, size * 2);
            }
            hosts[size] = host;
            chunks[size] = count;
            size++;
        }

        int size() {
            return size;
        }

        HostAccount host(int index) {
            return hosts[index];
        }

        int chunks(int index) {
            return chunks[index];
        }
    }
}
