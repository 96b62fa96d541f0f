package bitalloc.domain.estimate;

import bitalloc.domain.ram.Ram;

/** RAM kept free on a host to absorb foreign growth between two polls (DESIGN A8). */
public sealed interface MarginPolicy {

    /** The margin of a host seen for the first time. */
    Ram initial(Ram maxRam);

    /** The margin after a poll that saw foreign RAM rise by {@code foreignRise} (zero when it did not rise). */
    Ram afterPoll(Ram current, Ram maxRam, Ram foreignRise);

    /** The margin after the game refused one of our launches on the host for lack of RAM. */
    Ram afterClash(Ram current, Ram maxRam);

    /** The RFD's rule: max(minimum, percent of max RAM), the same on every poll. */
    record Static(Ram minimum, int percentOfMax) implements MarginPolicy {

        /** The RFD default: max(8 GB, 10 %). */
        public static final Static RFD = new Static(Ram.ofGb(8), 10);

        public Static {
            requirePercent(percentOfMax);
        }

        @Override
        public Ram initial(Ram maxRam) {
            return minimum.max(maxRam.percentCeil(percentOfMax));
        }

        @Override
        public Ram afterPoll(Ram current, Ram maxRam, Ram foreignRise) {
            return initial(maxRam);
        }

        @Override
        public Ram afterClash(Ram current, Ram maxRam) {
            return initial(maxRam);
        }
    }

    /**
     * Per host, learnt from what actually happens: a foreign rise raises the margin at once to
     * {@code risePercent} of that rise; a clash doubles it (at least {@code floor + clashBump}); every quiet poll
     * gives back {@code decayPercent} of the part above the floor. A host where nothing foreign ever runs keeps
     * just the floor.
     */
    record Adaptive(Ram floor, int risePercent, int decayPercent, Ram clashBump) implements MarginPolicy {

        public static final Adaptive DEFAULT = new Adaptive(Ram.ofGb(1), 150, 10, Ram.ofGb(4));

        public Adaptive {
            if (risePercent < 100) {
                throw new IllegalArgumentException("a rise must raise the margin at least by itself: " + risePercent);
            }
            requirePercent(decayPercent);
        }

        @Override
        public Ram initial(Ram maxRam) {
            return floor;
        }

        @Override
        public Ram afterPoll(Ram current, Ram maxRam, Ram foreignRise) {
            if (!foreignRise.isZero()) {
                return current.max(floor).max(foreignRise.percentCeil(risePercent));
            }
            Ram excess = current.minusOrZero(floor);
            return floor.plus(excess.minus(excess.percentCeil(decayPercent)));
        }

        @Override
        public Ram afterClash(Ram current, Ram maxRam) {
            return current.times(2).max(floor.plus(clashBump));
        }
    }

    private static void requirePercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in [0, 100]: " + percent);
        }
    }
}
