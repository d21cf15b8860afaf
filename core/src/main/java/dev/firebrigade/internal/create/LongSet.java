package dev.firebrigade.internal.create;

/**
 * A set of 64-bit fingerprints in one open-addressing array: 8 to 16 bytes per entry, no object per entry, so a
 * million row keys cost about 16 MB rather than the ~100 MB a {@code HashSet<String>} would.
 */
public final class LongSet {
    private static final long EMPTY = 0L;
    private long[] slots;
    private int size;

    public LongSet(int expected) {
        int capacity = 16;
        while (capacity * 0.6 < expected) {
            capacity <<= 1;
        }
        slots = new long[capacity];
    }

    /** Adds {@code value}; false when it was already there. */
    public boolean add(long value) {
        long v = value == EMPTY ? 1L : value;
        if (size + 1 > slots.length * 0.6) {
            grow();
        }
        if (!insert(slots, v)) {
            return false;
        }
        size++;
        return true;
    }

    public boolean contains(long value) {
        long v = value == EMPTY ? 1L : value;
        int mask = slots.length - 1;
        for (int i = index(v, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == EMPTY) {
                return false;
            }
            if (slot == v) {
                return true;
            }
        }
    }

    /** Removes {@code value}; false when it was not there. Backward-shift deletion keeps probe chains intact. */
    public boolean remove(long value) {
        long v = value == EMPTY ? 1L : value;
        int mask = slots.length - 1;
        int i = index(v, mask);
        while (slots[i] != v) {
            if (slots[i] == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
        int gap = i;
        for (int j = (gap + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            int home = index(slots[j], mask);
            // Move slots[j] into the gap unless its home lies cyclically in (gap, j].
            boolean homeBetween = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!homeBetween) {
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = EMPTY;
        size--;
        return true;
    }

    public int size() {
        return size;
    }

    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        for (int i = index(v, mask); ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == EMPTY) {
                table[i] = v;
                return true;
            }
            if (slot == v) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length << 1];
        for (long slot : slots) {
            if (slot != EMPTY) {
                insert(bigger, slot);
            }
        }
        slots = bigger;
    }

    private static int index(long v, int mask) {
        // Fingerprints are already well mixed; fold the high bits in anyway for IDs hashed by other means.
        return (int) (v ^ (v >>> 32)) & mask;
    }
}
