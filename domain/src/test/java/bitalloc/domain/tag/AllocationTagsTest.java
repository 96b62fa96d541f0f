package bitalloc.domain.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitalloc.domain.allocation.AllocationId;
import io.vavr.collection.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN A4: the tag children carry, its two forms, its checksum, and what a task passes on. */
class AllocationTagsTest {

    private static final AllocationId ID = new AllocationId(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
    private final AllocationTags unkeyed = AllocationTags.unkeyed();
    private final AllocationTags keyed = AllocationTags.keyed(TagKey.of("botnet-secret"));

    @Test
    void writes_the_tag_as_one_alloc_id_argument() {
        assertEquals("--allocId=0f8fad5b-d9cb-469f-a165-70867728950e", unkeyed.tagArgument(ID));
        assertEquals(List.of("n00dles", "--allocId=" + ID), unkeyed.withTag(ID, List.of("n00dles")));
    }

    @Test
    void reads_the_one_argument_form() {
        assertEquals(new TagReading.Tagged(ID), unkeyed.read(List.of("n00dles", "--allocId=" + ID, "7")));
    }

    @Test
    void reads_the_two_argument_form() {
        assertEquals(new TagReading.Tagged(ID), unkeyed.read(List.of("n00dles", "--allocId", ID.toString())));
    }

    @Test
    void arguments_without_a_tag_read_as_untagged() {
        assertInstanceOf(TagReading.Untagged.class, unkeyed.read(List.of("n00dles", "--allocId")));
        assertInstanceOf(TagReading.Untagged.class, unkeyed.read(List.empty()));
    }

    @Test
    void a_malformed_id_reads_as_forged() {
        assertInstanceOf(TagReading.Forged.class, unkeyed.read(List.of("--allocId=1-2-3-4-5")));
        assertInstanceOf(TagReading.Forged.class, unkeyed.read(List.of("--allocId=not-a-uuid")));
    }

    @Test
    void only_the_canonical_uuid_form_is_a_tag_whatever_the_case_of_its_hex_digits() {
        assertEquals(new TagReading.Tagged(ID), unkeyed.read(new String[] {"--allocId=" + ID.toString().toUpperCase()}));
        for (String almost : List.of("0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950g",
                "0f8fad5bd-9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165+70867728950e",
                "0f8fad5b-d9cb-469f-a165-7086772895\u0660e", "+f8fad5b-d9cb-469f-a165-70867728950e")) {
            assertInstanceOf(TagReading.Forged.class, unkeyed.read(List.of("--allocId=" + almost)), almost);
        }
    }

    @Test
    void a_keyed_tag_carries_a_checksum_that_reads_back() {
        String argument = keyed.tagArgument(ID);

        assertTrue(argument.matches("--allocId=" + ID + "\\.[0-9a-f]{8}"), argument);
        assertEquals(new TagReading.Tagged(ID), keyed.read(List.of(argument)));
    }

    @Test
    void a_tag_without_or_with_a_wrong_checksum_is_forged_when_a_key_is_set() {
        String forgedChecksum = "--allocId=" + ID + ".00000000";

        assertInstanceOf(TagReading.Forged.class, keyed.read(List.of("--allocId=" + ID)));
        assertInstanceOf(TagReading.Forged.class, keyed.read(List.of(forgedChecksum)));
        assertInstanceOf(TagReading.Forged.class,
                AllocationTags.keyed(TagKey.of("other-key")).read(List.of(keyed.tagArgument(ID))));
    }

    @Test
    void a_task_passes_its_own_tag_on_verbatim_to_its_children() {
        String argument = keyed.tagArgument(ID);

        assertEquals(List.of(argument), AllocationTags.inheritAllocatorArgs(List.of("joesguns", argument, "3")));
        assertEquals(List.of("--allocId=" + ID),
                AllocationTags.inheritAllocatorArgs(List.of("--allocId", ID.toString())));
        assertEquals(List.empty(), AllocationTags.inheritAllocatorArgs(List.of("joesguns")));
    }

    @Test
    void the_key_never_shows_in_text() {
        assertEquals("TagKey[hidden]", TagKey.of("botnet-secret").toString());
    }
}
