package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.AgentApi;
import bitalloc.adapters.http.api.AgentCommand;
import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.CommandId;
import bitalloc.adapters.http.api.CommandResult;
import bitalloc.adapters.http.api.Commands.ReportCommandResult;
import bitalloc.adapters.http.api.Outcomes.Recorded;
import bitalloc.adapters.http.api.ScriptPath;
import bitalloc.application.port.out.Launcher;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live game's {@link Launcher}: the selector's launch and kill commands are queued for the in-game agent,
 * which takes them with its long poll ({@link AgentApi}), runs them with exec or kill and reports the result.
 * A launch waits, bounded by {@code answerTimeout}, for the agent's pid; the selector launches one task at a
 * time, so only the selector's own thread ever waits here. A launch the agent has not taken by then is withdrawn,
 * and either way reported as {@code UNREACHABLE}, a failure the selector handles (back-off, re-queue). A kill is
 * queued and not waited for: the selector ignores its answer, and the next scan shows the process gone.
 */
public final class AgentChannel implements AgentApi, Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(AgentChannel.class);
    /** Results are remembered this long after the fact, so a repeated report is told apart from a wrong id. */
    private static final int REMEMBERED_RESULTS = 1_024;

    private final Duration answerTimeout;
    private final ArrayDeque<AgentCommand> queued = new ArrayDeque<>();
    private final Map<CommandId, CompletableFuture<CommandResult>> awaited = new HashMap<>();
    private final Map<CommandId, Boolean> reported = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CommandId, Boolean> eldest) {
            return size() > REMEMBERED_RESULTS;
        }
    };
    private final java.util.List<Runnable> listeners = new ArrayList<>();
    private long lastId;

    public AgentChannel(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Either<LaunchFailure, Pid> launch(HostName host, String script, int threads, List<String> args) {
        CompletableFuture<CommandResult> answer = new CompletableFuture<>();
        CommandId id = queue(next -> new AgentCommand.Launch(next, host, new ScriptPath(script), threads, args),
                answer);
        try {
            CommandResult result = answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result instanceof CommandResult.Succeeded started) {
                return Either.right(started.pid());
            }
            CommandResult.Failed failed = (CommandResult.Failed) result;
            LOG.info("the agent could not start {} on {}: {} {}", script, host, failed.failure(),
                    failed.detail().getOrElse(""));
            return Either.left(launchFailure(failed.failure()));
        } catch (TimeoutException noAnswer) {
            boolean withdrawn = abandon(id);
            LOG.warn("no answer from the agent within {} ms to launch {} on {} ({})", answerTimeout.toMillis(),
                    script, host, withdrawn ? "withdrawn: is bitalloc/agent.js running?" : "taken, not answered");
            return Either.left(LaunchFailure.UNREACHABLE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandon(id);
            return Either.left(LaunchFailure.UNREACHABLE);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("a command's answer never fails", impossible);
        }
    }

    /** Queued for the agent; true means "asked", the scan tells whether the process is gone. */
    @Override
    public boolean kill(Pid pid) {
        queue(next -> new AgentCommand.Kill(next, pid), null);
        return true;
    }

    @Override
    public synchronized List<AgentCommand> takeQueuedCommands() {
        List<AgentCommand> taken = List.ofAll(queued);
        queued.clear();
        return taken;
    }

    @Override
    public Subscription whenCommandsQueued(Runnable listener) {
        synchronized (this) {
            if (queued.isEmpty()) {
                listeners.add(listener);
                return () -> withdraw(listener);
            }
        }
        listener.run();
        return () -> { };
    }

    @Override
    public Either<ApiFailure, Recorded> reportResult(ReportCommandResult report) {
        CompletableFuture<CommandResult> answer;
        synchronized (this) {
            Boolean known = reported.get(report.command());
            if (known == null || queued.stream().anyMatch(command -> command.id().equals(report.command()))) {
                return Either.left(new ApiFailure.UnknownCommand(report.command()));
            }
            if (known) {
                return Either.left(new ApiFailure.ResultAlreadyReported(report.command()));
            }
            reported.put(report.command(), true);
            answer = awaited.remove(report.command());
        }
        if (answer != null) {
            answer.complete(report.result());
        } else if (report.result() instanceof CommandResult.Failed failed) {
            LOG.info("command {} failed in the game: {} {}", report.command(), failed.failure(),
                    failed.detail().getOrElse(""));
        }
        return Either.right(Recorded.RECORDED);
    }

    private CommandId queue(java.util.function.Function<CommandId, AgentCommand> command,
                            CompletableFuture<CommandResult> answer) {
        java.util.List<Runnable> waiting;
        CommandId id;
        synchronized (this) {
            id = new CommandId(++lastId);
            queued.add(command.apply(id));
            reported.put(id, false);
            if (answer != null) {
                awaited.put(id, answer);
            }
            waiting = new ArrayList<>(listeners);
            listeners.clear();
        }
        waiting.forEach(Runnable::run);
        return id;
    }

    /** Stops waiting for a command; true when the agent had not taken it yet (it never will). */
    private synchronized boolean abandon(CommandId id) {
        awaited.remove(id);
        return queued.removeIf(command -> command.id().equals(id));
    }

    private synchronized void withdraw(Runnable listener) {
        listeners.remove(listener);
    }

    private static LaunchFailure launchFailure(CommandResult.Failure failure) {
        return switch (failure) {
            case NOT_ENOUGH_RAM -> LaunchFailure.NOT_ENOUGH_RAM;
            case SCRIPT_MISSING -> LaunchFailure.SCRIPT_MISSING;
            case NO_ROOT -> LaunchFailure.NO_ROOT;
            case UNREACHABLE, NO_SUCH_PROCESS, OTHER -> LaunchFailure.UNREACHABLE;
        };
    }
}
