package bitalloc.adapters.http.server;

import bitalloc.adapters.http.api.AgentApi;
import bitalloc.adapters.http.api.AgentCommand;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The agent's long poll without a parked thread: answer at once when commands are queued, otherwise subscribe and
 * answer on the first of "commands queued" and "wait over". Whichever comes second finds the answer given.
 */
public final class LongPoll {

    private final AgentApi agent;
    private final Scheduler scheduler;

    public LongPoll(AgentApi agent, Scheduler scheduler) {
        this.agent = agent;
        this.scheduler = scheduler;
    }

    public CompletableFuture<List<AgentCommand>> commands(Duration wait) {
        List<AgentCommand> queued = agent.takeQueuedCommands();
        if (!queued.isEmpty() || wait.isZero()) {
            return CompletableFuture.completedFuture(queued);
        }
        CompletableFuture<List<AgentCommand>> answer = new CompletableFuture<>();
        AtomicBoolean answered = new AtomicBoolean();
        AtomicReference<Scheduler.Task> timer = new AtomicReference<>();
        AtomicReference<AgentApi.Subscription> subscription = new AtomicReference<>();
        Runnable answerNow = () -> {
            if (answered.compareAndSet(false, true)) {
                cancel(timer.get());
                AgentApi.Subscription withdrawn = subscription.get();
                if (withdrawn != null) {
                    withdrawn.cancel();
                }
                answer.complete(agent.takeQueuedCommands());
            }
        };
        timer.set(scheduler.schedule(answerNow, wait.toMillis(), TimeUnit.MILLISECONDS));
        subscription.set(agent.whenCommandsQueued(answerNow));
        if (answered.get()) {
            // The listener fired before its subscription was stored; withdraw it now.
            subscription.get().cancel();
        }
        return answer;
    }

    private static void cancel(Scheduler.Task task) {
        if (task != null) {
            task.cancel();
        }
    }
}
