package bitalloc.adapters.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest, so it is never maintained by hand. */
final class BitallocVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BitallocCli.class.getPackage().getImplementationVersion();
        return new String[] {"bitalloc " + (version == null ? "(development build)" : version)};
    }
}
