package dev.firebrigade;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a {@link Watch} reads one kind of record: its ID and times, whether it counts as completed or deleted, and
 * which of its fields differ between two versions. Adding a watchable resource (follow-ups) is one of these plus a
 * {@link WatchQuery} subclass.
 */
record Watched<T extends Record>(Class<T> type, Function<T, String> id, Function<T, Instant> createdAt,
                                 Function<T, Instant> updatedAt, Predicate<T> completed, Predicate<T> deleted) {

    /** The names of the record components that differ, {@code updatedAt} left out (it moves with every change). */
    List<String> changedFields(T before, T after) {
        var changed = new ArrayList<String>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("updatedAt")) {
                continue;
            }
            if (!Objects.equals(read(component, before), read(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
