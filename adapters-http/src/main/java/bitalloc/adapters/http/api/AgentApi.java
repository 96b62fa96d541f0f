package bitalloc.adapters.http.api;

import bitalloc.adapters.http.api.Commands.ReportCommandResult;
import bitalloc.adapters.http.api.Outcomes.Recorded;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * The launch and kill commands waiting for the in-game agent. The agent long-polls: the route takes what is
 * queued, and when nothing is, subscribes and waits (without holding a server thread) until something is queued
 * or its wait ends.
 */
public interface AgentApi {

    /** Hands out the commands queued and not yet handed out; empty when there are none. */
    List<AgentCommand> takeQueuedCommands();

    /**
     * Calls {@code listener} once, on any thread, the next time commands are queued (or at once if some already
     * are). The returned subscription lets the route withdraw the listener when its wait ends first.
     */
    Subscription whenCommandsQueued(Runnable listener);

    Either<ApiFailure, Recorded> reportResult(ReportCommandResult command);

    /** A listener registration that can be withdrawn; withdrawing twice is harmless. */
    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}
