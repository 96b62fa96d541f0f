package bitalloc.adapters.http.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.adapters.http.api.AgentCommand;
import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.CommandResult;
import bitalloc.adapters.http.api.Commands.ReportCommandResult;
import bitalloc.application.port.out.Launcher.LaunchFailure;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentChannelTest {

    private static final HostName HOME = HostName.of("home");

    /** Waits until the agent's long poll would be woken, then hands out what is queued. */
    private static List<AgentCommand> agentTakes(AgentChannel channel) throws InterruptedException {
        CountDownLatch queued = new CountDownLatch(1);
        channel.whenCommandsQueued(queued::countDown);
        assertTrue(queued.await(10, TimeUnit.SECONDS));
        return channel.takeQueuedCommands();
    }

    @Test
    void a_launch_waits_for_the_pid_the_agent_reports() throws Exception {
        AgentChannel channel = new AgentChannel(Duration.ofSeconds(10));
        CompletableFuture<Either<LaunchFailure, Pid>> launched = CompletableFuture.supplyAsync(() ->
                channel.launch(HOME, "bitalloc/till.js", 1, List.of("--target=n00dles")));

        AgentCommand.Launch command = (AgentCommand.Launch) agentTakes(channel).single();
        assertEquals("bitalloc/till.js", command.filename().value());
        assertTrue(channel.reportResult(new ReportCommandResult(command.id(),
                new CommandResult.Succeeded(Pid.of(42)))).isRight());

        assertEquals(Either.right(Pid.of(42)), launched.get(10, TimeUnit.SECONDS));
    }

    @Test
    void a_launch_the_game_refuses_for_ram_is_a_ram_failure() throws Exception {
        AgentChannel channel = new AgentChannel(Duration.ofSeconds(10));
        CompletableFuture<Either<LaunchFailure, Pid>> launched = CompletableFuture.supplyAsync(() ->
                channel.launch(HOME, "bitalloc/sow.js", 1, List.empty()));

        AgentCommand command = agentTakes(channel).single();
        channel.reportResult(new ReportCommandResult(command.id(), new CommandResult.Failed(
                CommandResult.Failure.NOT_ENOUGH_RAM, Option.some("x1 on home"))));

        assertEquals(Either.left(LaunchFailure.NOT_ENOUGH_RAM), launched.get(10, TimeUnit.SECONDS));
    }

    @Test
    void a_launch_no_agent_takes_is_withdrawn_after_the_timeout_and_reported_unreachable() {
        AgentChannel channel = new AgentChannel(Duration.ofMillis(50));

        assertEquals(Either.left(LaunchFailure.UNREACHABLE), channel.launch(HOME, "bitalloc/till.js", 1, List.empty()));
        assertTrue(channel.takeQueuedCommands().isEmpty(), "an agent that comes later never runs it");
    }

    @Test
    void a_kill_is_queued_without_waiting_and_a_result_counts_once() throws Exception {
        AgentChannel channel = new AgentChannel(Duration.ofSeconds(10));
        assertTrue(channel.kill(Pid.of(9)));
        AgentCommand kill = agentTakes(channel).single();
        ReportCommandResult result = new ReportCommandResult(kill.id(), new CommandResult.Succeeded(Pid.of(9)));

        assertTrue(channel.reportResult(result).isRight());
        assertInstanceOf(ApiFailure.ResultAlreadyReported.class, channel.reportResult(result).getLeft());
        assertInstanceOf(ApiFailure.UnknownCommand.class, channel.reportResult(new ReportCommandResult(
                new bitalloc.adapters.http.api.CommandId(999), result.result())).getLeft());
    }
}
