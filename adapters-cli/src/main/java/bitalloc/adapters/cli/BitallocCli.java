package bitalloc.adapters.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bitalloc} command: one subcommand per job. */
@Command(
        name = "bitalloc",
        mixinStandardHelpOptions = true,
        versionProvider = BitallocVersion.class,
        description = "Control plane for Bitburner botnets: exact RAM allocator, task selector, SQL history.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, SimulateCommand.class})
public final class BitallocCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Exit explicitly: HTTP servers and JDBC pools may keep non-daemon threads alive after main returns.
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new BitallocCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
