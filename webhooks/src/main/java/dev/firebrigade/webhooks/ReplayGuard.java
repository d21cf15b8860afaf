package dev.firebrigade.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message IDs seen lately, at most {@code capacity} of them (the oldest are forgotten first), so that memory stays
 * bounded whatever arrives. Svix signs every attempt anew: a retry has the same {@code webhook-id} and a new
 * {@code webhook-timestamp}, while a byte-for-byte copy of a delivery repeats both, which only a replay does.
 */
final class ReplayGuard {
    /** What to do with a verified delivery. */
    enum Admission {
        /** First time: hand it to the listener. */
        NEW,
        /** The same ID and timestamp again: someone is replaying a captured delivery. */
        REPLAY,
        /** A retry while the listener still works on the first attempt: let Svix try again later. */
        IN_PROGRESS,
        /** A retry of an event the listener accepted (our 2xx was lost): acknowledge it, do not hand it over twice. */
        ALREADY_HANDLED
    }

    private record Seen(String timestamp, boolean handled) {
    }

    private final Map<String, Seen> seen;

    ReplayGuard(int capacity) {
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Admission admit(String id, String timestamp) {
        Seen before = seen.get(id);
        if (before == null) {
            seen.put(id, new Seen(timestamp, false));
            return Admission.NEW;
        }
        if (before.timestamp().equals(timestamp)) {
            return Admission.REPLAY;
        }
        return before.handled() ? Admission.ALREADY_HANDLED : Admission.IN_PROGRESS;
    }

    /** The listener accepted the event: later retries are acknowledged without handing it over again. */
    synchronized void handled(String id) {
        seen.computeIfPresent(id, (key, before) -> new Seen(before.timestamp(), true));
    }

    /** The listener failed: Svix's retry must reach it again. */
    synchronized void forget(String id) {
        seen.remove(id);
    }

    synchronized int size() {
        return seen.size();
    }
}
