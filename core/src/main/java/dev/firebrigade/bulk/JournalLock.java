package dev.firebrigade.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run's hold on its journal: exclusive for a run, shared for a dry run's read. Every read and write of a held
 * journal goes through the one channel that holds the lock, because on Linux closing <em>any</em> descriptor of a
 * file drops the whole process's lock on it (POSIX record locks belong to the process): scanning the journal through
 * a second reader once let a second process take the journal over mid-run. For the same reason a second run in this
 * process is refused from a registry before it opens the file at all.
 */
final class JournalLock implements AutoCloseable {
    /** Who holds a journal: the run's process, its host and when it started. */
    record Holder(long pid, String host, Instant started) {
        static Holder now() {
            return new Holder(ProcessHandle.current().pid(), HOST, Instant.now());
        }

        /** {@code PID 4242 on ops-1, started 2026-12-02T04:21:07Z}. */
        String describe() {
            return "PID " + pid + " on " + host + ", started " + started;
        }
    }

    private static final String HOST = hostName();
    /** Journals held by runs of this process, by their real path. */
    private static final ConcurrentHashMap<Path, Holder> HELD = new ConcurrentHashMap<>();

    private final Path path;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    private JournalLock(Path path, Path key, FileChannel channel, FileLock lock, Holder holder) {
        this.path = path;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * Locks the journal at {@code path} for a run (exclusive; the file is created when missing) or for a dry run's
     * read (shared; null when there is no file). Fails with {@link JournalInUseException} naming the holder when
     * another run has it. Blocking.
     */
    static JournalLock acquire(Path path, boolean exclusive) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (exclusive && parent != null) {
            Files.createDirectories(parent);
        }
        Path key = key(path);
        Holder me = Holder.now();
        Holder other = HELD.putIfAbsent(key, me);
        if (other != null) {
            throw new JournalInUseException(path, other, true);
        }
        try {
            if (!exclusive && !Files.exists(path)) {
                HELD.remove(key, me);
                return null;
            }
            FileChannel channel = exclusive
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)
                    : FileChannel.open(path, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
            } catch (OverlappingFileLockException | IOException e) {
                lock = null;
            }
            if (lock == null) {
                // Another process holds it; this process holds nothing on the file, so closing loses nothing.
                try (channel) {
                    throw new JournalInUseException(path, JournalScanner.lastHolder(reader(channel)), false);
                }
            }
            return new JournalLock(path, key, channel, lock, me);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key, me);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    Holder holder() {
        return holder;
    }

    FileChannel channel() {
        return channel;
    }

    /** The journal's lines from its start, read through the locking channel; closing the reader leaves it open. */
    BufferedReader reader() {
        return reader(channel);
    }

    /** Releases the lock and closes the file. Idempotent; blocking. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(key, holder);
            }
        }
    }

    private static BufferedReader reader(FileChannel channel) {
        return new BufferedReader(new InputStreamReader(new ChannelInput(channel), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The path as the registry knows it: links resolved, so two spellings of one file are one journal. */
    private static Path key(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path parent = absolute.getParent();
        return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(absolute.getFileName())
                : absolute;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "an unknown host" : env;
        }
    }

    /** Positional reads: the channel's own position is where appends go, and it must not move. */
    private static final class ChannelInput extends InputStream {
        private final FileChannel channel;
        private long position;

        ChannelInput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = channel.read(ByteBuffer.wrap(into, offset, length), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void close() {
            // The channel holds the lock: it is closed with the lock, never by a reader.
        }
    }
}
