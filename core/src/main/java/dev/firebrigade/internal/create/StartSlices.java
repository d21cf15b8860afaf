package dev.firebrigade.internal.create;

/**
 * The creates in progress, counted by the 100 ms slice of {@code System.nanoTime} they started in: enough to know
 * when the oldest of them started (rounded down to its slice, which only keeps claims a little longer), with no
 * allocation per create. A sorted map of start times cost a map entry and a boxed time per create.
 *
 * <p>Not thread-safe: the ledger calls it under its lock, which also makes the start times it sees non-decreasing.
 */
final class StartSlices {
    static final long SLICE_NANOS = 100_000_000L;

    /** Counts per slice, a ring: the slice {@code first + i} is at {@code (head + i) & (counts.length - 1)}. */
    private int[] counts = new int[16];
    private int head;
    private int length;
    private long first;

    /** A create starts at {@code now}; returns its slice, to hand to {@link #finish}. */
    long start(long now) {
        long slice = Math.floorDiv(now, SLICE_NANOS);
        if (length == 0) {
            first = slice;
            head = 0;
            length = 1;
        } else if (slice < first) {
            slice = first; // a clock that stepped back: count it in the oldest slice, which is only more cautious
        } else if (slice - first >= length) {
            extendTo(slice - first + 1);
        }
        counts[index(slice)]++;
        return slice;
    }

    /** The create that started in {@code slice} is over. */
    void finish(long slice) {
        counts[index(slice)]--;
        while (length > 0 && counts[head] == 0) {
            head = (head + 1) & (counts.length - 1);
            first++;
            length--;
        }
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** The start of the oldest slice with a create in progress; only meaningful when not empty. */
    long oldestNanos() {
        return first * SLICE_NANOS;
    }

    private int index(long slice) {
        return (int) ((head + (slice - first)) & (counts.length - 1));
    }

    private void extendTo(long slices) {
        if (slices > counts.length) {
            int capacity = Integer.highestOneBit((int) Math.min(1 << 30, slices - 1)) << 1;
            int[] moved = new int[capacity];
            for (int i = 0; i < length; i++) {
                moved[i] = counts[(head + i) & (counts.length - 1)];
            }
            counts = moved;
            head = 0;
        }
        for (long i = length; i < slices; i++) {
            counts[(int) ((head + i) & (counts.length - 1))] = 0;
        }
        length = (int) slices;
    }
}
