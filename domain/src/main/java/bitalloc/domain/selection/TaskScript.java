package bitalloc.domain.selection;

import bitalloc.domain.ram.Ram;

/** A task script's file name and its per-thread RAM (it always runs with one thread). */
public record TaskScript(String file, Ram ram) {
    public TaskScript {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("task script file must not be blank");
        }
        if (ram.isZero()) {
            throw new IllegalArgumentException("a script needs some RAM: " + file);
        }
    }
}
