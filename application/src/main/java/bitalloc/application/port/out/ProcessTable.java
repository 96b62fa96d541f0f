package bitalloc.application.port.out;

/** Reads the game's process tables: max and used RAM and the processes of every usable host. */
@FunctionalInterface
public interface ProcessTable {
    NetworkScan scan();
}
