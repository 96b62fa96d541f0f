package bitalloc.domain.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A host's process table kept column by column reads back exactly what was put in. */
class ProcessSnapshotsTest {

    private static final ProcessSnapshot HACK = new ProcessSnapshot(Pid.of(7), "hack.js", 3, Ram.parse("1.75"),
            List.of("n00dles", "--allocId=x"));
    private static final ProcessSnapshot AGENT = new ProcessSnapshot(Pid.of(2), "agent.js", 1, Ram.parse("2.6"),
            List.empty());

    @Test
    void reads_back_every_process_in_the_order_it_was_listed() {
        ProcessSnapshots table = ProcessSnapshots.of(HACK, AGENT);

        assertEquals(List.of(HACK, AGENT), table.toList());
        assertEquals(2, table.size());
        assertEquals(7, table.pidValue(0));
        assertEquals(525, table.ramHundredths(0));
        assertEquals(2, table.argCount(0));
        assertEquals("--allocId=x", table.arg(0, 1));
        assertEquals(0, table.argCount(1));
        assertEquals(List.of(HACK, AGENT), List.ofAll(table));
    }

    @Test
    void gives_each_row_the_arguments_appended_before_it() {
        char[] text = "--allocId=x n00dles".toCharArray();
        ProcessSnapshots.Builder builder = ProcessSnapshots.builder(1);
        builder.arg(text, 0, 11).arg(text, 12, 7).add(Pid.of(1), "x.js", 1, Ram.ZERO);
        builder.add(Pid.of(2), "y.js", 2, Ram.ofGb(1));
        builder.arg("dropped").discardPendingArgs().arg("kept").add(Pid.of(3), "z.js", 1, Ram.ZERO);
        builder.arg("never added");

        ProcessSnapshots table = builder.build();

        assertEquals(List.of("--allocId=x", "n00dles"), table.args(0));
        assertEquals(List.empty(), table.args(1));
        assertEquals(List.of("kept"), table.args(2));
        assertEquals(ProcessSnapshots.of(table), table);
    }

    @Test
    void reads_ascii_arguments_from_bytes_as_the_same_text() {
        byte[] bytes = "[\"n00dles\",\"--allocId=x\",42]".getBytes(StandardCharsets.US_ASCII);
        ProcessSnapshots.Builder builder = ProcessSnapshots.builder(1, 0);
        builder.asciiArg(bytes, 2, 7).asciiArg(bytes, 12, 11).add(Pid.of(7), "hack.js", 3, Ram.parse("1.75"));
        builder.asciiArg(bytes, 25, 2).add(Pid.of(2), "agent.js", 1, Ram.parse("2.6"));

        ProcessSnapshots table = builder.build();

        assertEquals(List.of(HACK, new ProcessSnapshot(Pid.of(2), "agent.js", 1, Ram.parse("2.6"), List.of("42"))),
                table.toList());
        assertEquals(ProcessSnapshots.of(table.toList()), table);
        assertThrows(IllegalArgumentException.class,
                () -> builder.asciiArg("é".getBytes(StandardCharsets.UTF_8), 0, 2));
    }

    @Test
    void a_cleared_builder_builds_the_next_table_alone_and_leaves_the_tables_it_built_alone() {
        ProcessSnapshots.Builder builder = ProcessSnapshots.builder(1, 1);
        ProcessSnapshots first = builder.add(HACK).add(AGENT).build();

        builder.clear().arg("pending").clear();
        ProcessSnapshots second = builder.add(AGENT).arg("big-enough-to-grow-the-text").add(Pid.of(9), "x.js", 1,
                Ram.ZERO).build();

        assertEquals(List.of(HACK, AGENT), first.toList());
        assertEquals(List.of(AGENT, new ProcessSnapshot(Pid.of(9), "x.js", 1, Ram.ZERO,
                List.of("big-enough-to-grow-the-text"))), second.toList());
        assertEquals(ProcessSnapshots.EMPTY, builder.clear().build());
    }

    @Test
    void keeps_arguments_beyond_latin_1_next_to_plain_ones() {
        ProcessSnapshot plain = new ProcessSnapshot(Pid.of(1), "a.js", 1, Ram.ZERO, List.of("señor", "n00dles"));
        ProcessSnapshot wide = new ProcessSnapshot(Pid.of(2), "b.js", 1, Ram.ZERO, List.of("→ 日本", "x"));
        char[] arrow = "→".toCharArray();

        ProcessSnapshots mixed = ProcessSnapshots.of(plain, wide, plain);
        ProcessSnapshots.Builder builder = ProcessSnapshots.builder(1, 1);
        builder.add(plain).arg(arrow, 0, 1).discardPendingArgs().add(plain);
        ProcessSnapshots widenedThenDiscarded = builder.build();
        ProcessSnapshots afterClear = builder.clear().add(wide).build();

        assertEquals(List.of(plain, wide, plain), mixed.toList());
        assertEquals(ProcessSnapshots.of(plain, plain), widenedThenDiscarded);
        assertEquals(ProcessSnapshots.of(plain, plain).hashCode(), widenedThenDiscarded.hashCode());
        assertEquals(List.of(wide), afterClear.toList());
        assertEquals(List.of(plain), builder.clear().add(plain).build().toList());
    }

    @Test
    void refuses_a_row_a_process_snapshot_would_refuse() {
        ProcessSnapshots.Builder builder = ProcessSnapshots.builder();

        assertThrows(IllegalArgumentException.class, () -> builder.add(Pid.of(1), " ", 1, Ram.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.add(Pid.of(1), "a.js", 0, Ram.ZERO));
        assertThrows(ArithmeticException.class,
                () -> builder.add(Pid.of(1), "a.js", Integer.MAX_VALUE, Ram.ofHundredths(Long.MAX_VALUE / 2)));
        assertEquals(0, builder.size());
    }

    @Test
    void two_polls_list_the_same_processes_when_pids_threads_and_ram_match_in_order() {
        ProcessSnapshots first = ProcessSnapshots.of(HACK, AGENT);
        ProcessSnapshot moreRam = new ProcessSnapshot(Pid.of(2), "agent.js", 1, Ram.parse("2.7"), List.empty());

        assertTrue(ProcessSnapshots.of(HACK, AGENT).listsSameProcessesAs(first));
        assertEquals(ProcessSnapshots.of(HACK, AGENT), first);
        assertFalse(ProcessSnapshots.of(AGENT, HACK).listsSameProcessesAs(first));
        assertFalse(ProcessSnapshots.of(HACK, moreRam).listsSameProcessesAs(first));
        assertFalse(ProcessSnapshots.of(HACK).listsSameProcessesAs(first));
    }
}
