package bitalloc.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.Recover;
import bitalloc.domain.selection.Lifecycle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** T7 at the application's edge: two 8 GB hosts still move targets forward with scaled-down tasks. */
class StarvedNetworkTest {

    @Test
    void a_network_of_two_8_gb_hosts_makes_progress_without_a_refused_launch() {
        FakeGame game = new FakeGame().host("home", 8).host("n00dles", 8)
                .script("till.js", "3.00").script("sow.js", "3.00").script("harvest.js", "3.00")
                .script("weaken.js", "1.75").script("grow.js", "1.75").script("hack.js", "1.70")
                .target(FakeGame.server("joesguns", 40, 5, 10_000, 1_000_000));
        TestBitalloc bitalloc = new TestBitalloc(game, BitallocConfig.defaults());
        FakeTaskScripts scripts = new FakeTaskScripts(bitalloc);
        bitalloc.get(Recover.class).recover();

        bitalloc.run(Duration.ofSeconds(120), scripts);

        assertTrue(scripts.launched.stream().anyMatch(t -> t.lifecycle == Lifecycle.SOW),
                "the target was tilled and moved on to sow: " + scripts.launched.size() + " launches");
        assertEquals(0, game.refusedForRam, "no launch was refused by the game");
        assertEquals(0, scripts.helperRefusals, "every scaled-down task got its helpers' RAM");
    }
}
