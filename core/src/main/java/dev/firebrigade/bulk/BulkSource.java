package dev.firebrigade.bulk;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.error.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Where the rows of a bulk come from: drafts in a {@link List} or a {@link Stream}, a CSV file (header
 * {@code incident,description,assignee}, optional {@code key}) or a JSON Lines file. Files are streamed, never read
 * whole into memory.
 */
public final class BulkSource {
    private enum Kind { LIST, STREAM, CSV, JSON_LINES }

    private final Kind kind;
    private final List<ActionDraft> list;
    private final Stream<ActionDraft> stream;
    private final Path path;
    private final AtomicBoolean streamTaken = new AtomicBoolean();

    private BulkSource(Kind kind, List<ActionDraft> list, Stream<ActionDraft> stream, Path path) {
        this.kind = kind;
        this.list = list;
        this.stream = stream;
        this.path = path;
    }

    /** Drafts made with {@code actions().forIncident(...)...}; row n is the n-th draft. */
    public static BulkSource of(List<ActionDraft> drafts) {
        if (drafts == null) {
            throw new InvalidInputException("drafts", "is null", "pass a list of drafts");
        }
        // A copy, so later changes to the caller's list do not shift row numbers; a null draft fails as its row.
        return new BulkSource(Kind.LIST, Collections.unmodifiableList(new ArrayList<>(drafts)), null, null);
    }

    /** Drafts from a stream, pulled as the bulk has room for them; the stream can be used once. */
    public static BulkSource of(Stream<ActionDraft> drafts) {
        if (drafts == null) {
            throw new InvalidInputException("drafts", "is null", "pass a stream of drafts");
        }
        return new BulkSource(Kind.STREAM, null, drafts, null);
    }

    /** A CSV file: header {@code incident,description,assignee} in any order, optional {@code key}, UTF-8. */
    public static BulkSource csv(Path file) {
        return new BulkSource(Kind.CSV, null, null, checked(file));
    }

    /** A JSON Lines file: one {@code {"incident", "description", "assignee", "key"}} object per line, UTF-8. */
    public static BulkSource jsonLines(Path file) {
        return new BulkSource(Kind.JSON_LINES, null, null, checked(file));
    }

    /** A CSV or JSON Lines file, told apart by its extension ({@code .jsonl}, {@code .ndjson}: JSON Lines). */
    public static BulkSource file(Path file) {
        String name = checked(file).getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
                ? jsonLines(file) : csv(file);
    }

    /** What the report and the journal call it: the file name, or "list of n drafts" / "stream of drafts". */
    public String name() {
        return switch (kind) {
            case LIST -> "list of " + list.size() + " drafts";
            case STREAM -> "stream of drafts";
            case CSV, JSON_LINES -> path.toString();
        };
    }

    /** The file, when the source is one. */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    /** Opens the source for reading. Blocking (it opens files): call it on a worker thread. */
    RowReader open(Actions actions) throws IOException {
        return switch (kind) {
            case LIST -> new DraftRowReader(list.iterator(), null);
            case STREAM -> {
                if (!streamTaken.compareAndSet(false, true)) {
                    throw new InvalidInputException("drafts", "is a stream that was already used",
                            "pass a fresh stream, or a list to run it more than once");
                }
                yield new DraftRowReader(stream.iterator(), stream);
            }
            case CSV -> CsvRowReader.open(exists(path), actions);
            case JSON_LINES -> JsonLinesRowReader.open(exists(path), actions);
        };
    }

    /** How many rows there are, or -1 when only reading them all would tell. Blocking for files. */
    long count() throws IOException {
        return switch (kind) {
            case LIST -> list.size();
            case STREAM -> -1;
            case CSV -> CsvRowReader.count(path);
            case JSON_LINES -> JsonLinesRowReader.count(path);
        };
    }

    /** Whether counting is cheap enough to do before starting (otherwise it runs beside the bulk). */
    boolean countedUpFront() {
        return kind == Kind.LIST || kind == Kind.STREAM;
    }

    private static Path checked(Path file) {
        if (file == null) {
            throw new InvalidInputException("file", "is null", "pass the path of a CSV or JSON Lines file");
        }
        return file;
    }

    private static Path exists(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("file", "does not exist or is not a file: " + file.toAbsolutePath(),
                    "check the path");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("file", "is not readable: " + file.toAbsolutePath(), "check its permissions");
        }
        return file;
    }

    @Override
    public String toString() {
        return "BulkSource[" + name() + "]";
    }
}
