package bitalloc.domain.selection;

import bitalloc.domain.ram.Ram;

/**
 * The script that holds RAM no target's task can use: a weaken loop on a hackable target, which earns hacking
 * experience and never harms a batch (weaken only lowers security). It runs until bitalloc stops it.
 *
 * @param file      the script's file name
 * @param threadRam its RAM per thread (1.75 GB: the 1.6 GB base plus weaken)
 */
public record FillerScript(String file, Ram threadRam) {

    public static final FillerScript DEFAULT = new FillerScript("xp.js", Ram.parse("1.75"));

    public FillerScript {
        if (file.isBlank()) {
            throw new IllegalArgumentException("the filler script needs a file name");
        }
        if (threadRam.isZero()) {
            throw new IllegalArgumentException("the filler script's RAM per thread must be positive");
        }
    }
}
