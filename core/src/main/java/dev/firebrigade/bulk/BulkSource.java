package dev.firebrigade.bulk;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.FollowUpDraft;
import dev.firebrigade.error.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Where the rows of a bulk come from: drafts in a {@link List} or a {@link Stream} (of actions or of follow-ups), a
 * CSV file or a JSON Lines file. A file's rows are actions or follow-ups as the bulk it is given to says
 * ({@link #guessKind()} reads it from the file). Files are streamed, never read whole into memory.
 */
public final class BulkSource {
    private enum Shape { LIST, STREAM, CSV, JSON_LINES }

    private final Shape shape;
    /** What the drafts create; null for a file. */
    private final BulkKind kind;
    private final List<?> list;
    private final Stream<?> stream;
    private final Path path;
    private final AtomicBoolean streamTaken = new AtomicBoolean();

    private BulkSource(Shape shape, BulkKind kind, List<?> list, Stream<?> stream, Path path) {
        this.shape = shape;
        this.kind = kind;
        this.list = list;
        this.stream = stream;
        this.path = path;
    }

    /** Action drafts made with {@code actions().forIncident(...)...}; row n is the n-th draft. */
    public static BulkSource of(List<ActionDraft> drafts) {
        return listOf(BulkKind.ACTIONS, drafts);
    }

    /** Action drafts from a stream, pulled as the bulk has room for them; the stream can be used once. */
    public static BulkSource of(Stream<ActionDraft> drafts) {
        return streamOf(BulkKind.ACTIONS, drafts);
    }

    /** Follow-up drafts made with {@code followUps().forIncident(...).title(...)...}; row n is the n-th draft. */
    public static BulkSource ofFollowUps(List<FollowUpDraft> drafts) {
        return listOf(BulkKind.FOLLOW_UPS, drafts);
    }

    /** Follow-up drafts from a stream, pulled as the bulk has room for them; the stream can be used once. */
    public static BulkSource ofFollowUps(Stream<FollowUpDraft> drafts) {
        return streamOf(BulkKind.FOLLOW_UPS, drafts);
    }

    /**
     * A CSV file, UTF-8, with a header naming its columns in any order: {@code incident,description,assignee} for
     * actions, {@code incident,title,description,assignee,priority,category,labels} for follow-ups, optional
     * {@code key}.
     */
    public static BulkSource csv(Path file) {
        return new BulkSource(Shape.CSV, null, null, null, checked(file));
    }

    /** A JSON Lines file, UTF-8: one object per line with the same fields as a CSV's columns. */
    public static BulkSource jsonLines(Path file) {
        return new BulkSource(Shape.JSON_LINES, null, null, null, checked(file));
    }

    /** A CSV or JSON Lines file, told apart by its extension ({@code .jsonl}, {@code .ndjson}: JSON Lines). */
    public static BulkSource file(Path file) {
        String name = checked(file).getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
                ? jsonLines(file) : csv(file);
    }

    private static BulkSource listOf(BulkKind kind, List<?> drafts) {
        if (drafts == null) {
            throw new InvalidInputException("drafts", "is null", "pass a list of drafts");
        }
        // A copy, so later changes to the caller's list do not shift row numbers; a null draft fails as its row.
        return new BulkSource(Shape.LIST, kind, Collections.unmodifiableList(new ArrayList<>(drafts)), null, null);
    }

    private static BulkSource streamOf(BulkKind kind, Stream<?> drafts) {
        if (drafts == null) {
            throw new InvalidInputException("drafts", "is null", "pass a stream of drafts");
        }
        return new BulkSource(Shape.STREAM, kind, null, drafts, null);
    }

    /** What the report and the journal call it: the file name, or "list of n drafts" / "stream of drafts". */
    public String name() {
        return switch (shape) {
            case LIST -> "list of " + list.size() + " drafts";
            case STREAM -> "stream of drafts";
            case CSV, JSON_LINES -> path.toString();
        };
    }

    /** The file, when the source is one. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** What its drafts create; empty for a file, whose rows are what its bulk creates. */
    public Optional<BulkKind> kind() {
        return Optional.ofNullable(kind);
    }

    /**
     * What its rows are: its drafts' kind, or what a file's columns show. A CSV header with a {@code title} column
     * means follow-ups, one without actions; for JSON Lines the first row's fields tell the same way. Fails with an
     * {@link InvalidInputException} naming the column when follow-up columns such as {@code priority} come without a
     * {@code title}, or a JSON Lines file's first row is not an object: say which then. Blocking (it reads the start
     * of the file): call it off an event loop.
     */
    public BulkKind guessKind() {
        if (kind != null) {
            return kind;
        }
        try {
            Header header = shape == Shape.CSV ? CsvRowReader.header(exists(path))
                    : JsonLinesRowReader.header(exists(path));
            if (header == null) {
                throw new InvalidInputException("first row", "of " + path + " is not a JSON object, so it cannot tell"
                        + " actions from follow-ups", "fix the first line, or say which (--kind actions|follow-ups)");
            }
            return header.guess();
        } catch (IOException e) {
            throw new InvalidInputException("file", "cannot be read: " + path + ": " + e.getMessage(),
                    "check the file");
        }
    }

    /** Opens the source for a bulk of {@code creator}'s kind. Blocking (it opens files): call it on a worker thread. */
    RowReader open(Creator<?, ?> creator) throws IOException {
        return switch (shape) {
            case LIST -> new DraftRowReader<>(list.iterator(), null, creator);
            case STREAM -> {
                if (!streamTaken.compareAndSet(false, true)) {
                    throw new InvalidInputException("drafts", "is a stream that was already used",
                            "pass a fresh stream, or a list to run it more than once");
                }
                yield new DraftRowReader<>(stream.iterator(), stream, creator);
            }
            case CSV -> CsvRowReader.open(exists(path), creator);
            case JSON_LINES -> JsonLinesRowReader.open(exists(path), creator);
        };
    }

    /** How many rows there are, or -1 when only reading them all would tell. Blocking for files. */
    long count() throws IOException {
        return switch (shape) {
            case LIST -> list.size();
            case STREAM -> -1;
            case CSV -> CsvRowReader.count(path);
            case JSON_LINES -> JsonLinesRowReader.count(path);
        };
    }

    /** Whether counting is cheap enough to do before starting (otherwise it runs beside the bulk). */
    boolean countedUpFront() {
        return shape == Shape.LIST || shape == Shape.STREAM;
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
        return "BulkSource[" + name() + (kind == null ? "" : ", " + kind) + "]";
    }
}
