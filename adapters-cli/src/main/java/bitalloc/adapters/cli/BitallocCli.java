package bitalloc.adapters.cli;

import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bitalloc} command: one subcommand per job. It only parses and prints; what the commands need (the
 * store, the simulator) comes from the composition root ({@code bitalloc.boot}), which also owns {@code main}.
 */
@Command(
        name = "bitalloc",
        mixinStandardHelpOptions = true,
        versionProvider = BitallocVersion.class,
        description = "Control plane for Bitburner botnets: exact RAM allocator, task selector, SQL history.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class})
public final class BitallocCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine(StoreAccess store, SimulationAccess simulations, LiveAccess live,
                                          Clock clock) {
        return new CommandLine(new BitallocCli())
                .addSubcommand(new SimulateCommand(simulations))
                .addSubcommand(new ServeCommand(live))
                .addSubcommand(new SqlCommand(store))
                .addSubcommand(new HistoryCommand(store, clock))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
