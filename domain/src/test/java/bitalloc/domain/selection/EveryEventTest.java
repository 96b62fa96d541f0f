package bitalloc.domain.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.selection.SelectorEvent.GameReloaded;
import bitalloc.domain.selection.SelectorEvent.HelpersRefused;
import bitalloc.domain.selection.SelectorEvent.LaunchFailed;
import bitalloc.domain.selection.SelectorEvent.LaunchSucceeded;
import bitalloc.domain.selection.SelectorEvent.ProcessExited;
import bitalloc.domain.selection.SelectorEvent.Restored;
import bitalloc.domain.selection.SelectorEvent.TargetDiscovered;
import bitalloc.domain.selection.SelectorEvent.TaskFinished;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class EveryEventTest {

    private static final List<SelectorEvent> ONE_OF_EACH = List.of(
            new TargetDiscovered(HostName.of("a")),
            Fixtures.observed(Fixtures.tillable("a")),
            Fixtures.roomyTick(),
            new LaunchSucceeded(HostName.of("a"), Pid.of(7)),
            new LaunchFailed(HostName.of("a"), LaunchFailureReason.NO_ROOT),
            Fixtures.heartbeat(7, "a", Lifecycle.TILL),
            new TaskFinished(HostName.of("a"), Lifecycle.TILL, Pid.of(7)),
            new ProcessExited(Pid.of(7)),
            new HelpersRefused(Pid.of(7)),
            Fixtures.seen(7, "a", Lifecycle.TILL),
            new Restored(List.empty(), SelectorCounters.ZERO),
            new GameReloaded());

    @Test
    void the_selector_handles_every_kind_of_event() {
        assertEquals(HashSet.of(SelectorEvent.class.getPermittedSubclasses()),
                HashSet.ofAll(ONE_OF_EACH.map(Object::getClass)), "add the new event kind to this list");

        SelectorDriver driver = new SelectorDriver();
        ONE_OF_EACH.forEach(event -> assertNotNull(driver.send(event)));
    }
}
