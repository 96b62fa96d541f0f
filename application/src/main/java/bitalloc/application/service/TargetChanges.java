package bitalloc.application.service;

import bitalloc.domain.host.HostName;
import bitalloc.domain.selection.Target;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The targets one selector step added, replaced or removed. A step touches one target or a few, and a target it did
 * not touch is the very same object before and after; both maps are sorted alike, so one walk side by side finds the
 * touched ones. Looking every target up by name after every event cost more than the rest of the step.
 */
final class TargetChanges {

    private static final TargetChanges NONE = new TargetChanges(List.of(), Map.of());

    /** A touched target as it was and as it is; none on the side where it did not exist. */
    record Change(Option<Target> before, Option<Target> after) {
    }

    private final List<Change> changes;
    private final Map<HostName, Change> byName;

    private TargetChanges(List<Change> changes, Map<HostName, Change> byName) {
        this.changes = changes;
        this.byName = byName;
    }

    static TargetChanges between(SortedMap<HostName, Target> before, SortedMap<HostName, Target> after) {
        if (before == after) {
            return NONE;
        }
        Comparator<? super HostName> order = after.comparator();
        List<Change> changes = new ArrayList<>();
        Iterator<Target> earlier = before.valuesIterator();
        Iterator<Target> later = after.valuesIterator();
        Target was = next(earlier);
        Target now = next(later);
        while (was != null || now != null) {
            int side = was == null ? 1 : now == null ? -1 : order.compare(was.name(), now.name());
            if (side < 0) {
                changes.add(new Change(Option.some(was), Option.none()));
                was = next(earlier);
            } else if (side > 0) {
                changes.add(new Change(Option.none(), Option.some(now)));
                now = next(later);
            } else {
                if (was != now) {
                    changes.add(new Change(Option.some(was), Option.some(now)));
                }
                was = next(earlier);
                now = next(later);
            }
        }
        Map<HostName, Change> byName = new HashMap<>();
        for (Change change : changes) {
            byName.put(change.before().orElse(change.after()).get().name(), change);
        }
        return new TargetChanges(changes, byName);
    }

    private static Target next(Iterator<Target> targets) {
        return targets.hasNext() ? targets.next() : null;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How the step changed {@code target}; none when it did not touch it. */
    Option<Change> of(HostName target) {
        return Option.of(byName.get(target));
    }

    /** In target order. */
    List<Change> changes() {
        return changes;
    }
}
