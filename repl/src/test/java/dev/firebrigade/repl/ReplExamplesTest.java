package dev.firebrigade.repl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REPL example of README.md and docs/ runs in the REPL against the sandbox, so the docs stay true. A REPL
 * example is a fenced block with {@code firebrigade> } prompts (continued by {@code         ...> } lines); each block
 * is one session. A failure the block shows ({@code |  Exception NotFoundException: …}) must happen, in that order;
 * any other failure or compile error fails the test.
 */
class ReplExamplesTest {
    private static final String PROMPT = "firebrigade> ";
    private static final String CONTINUATION = "        ...> ";
    private static final Pattern SHOWN_FAILURE = Pattern.compile("^\\|  Exception (\\w+)");
    private static final Pattern FAILURE = Pattern.compile("(?m)^\\|  Exception (\\w+)");

    /** One fenced block of prompts: where it is, what to type, and the failures it shows. */
    record Example(String where, List<String> snippets, List<String> failures) {
    }

    @TestFactory
    Stream<DynamicTest> everyReplExampleRunsAsShown() {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.where(), () -> {
            Run run = Run.inProcess(Map.of(), String.join("\n", example.snippets()) + "\n/exit\n");
            String shown = run.out() + run.err();

            assertThat(run.code()).as(run.all()).isZero();
            assertThat(shown).as(run.all()).doesNotContain("|  Error:");
            List<String> failures = new ArrayList<>();
            for (Matcher m = FAILURE.matcher(shown); m.find(); ) {
                failures.add(m.group(1));
            }
            assertThat(failures).as(example.where() + ": failures\n" + run.all()).isEqualTo(example.failures());
        }));
    }

    @Test
    void theReadmeHasReplExamples() {
        assertThat(examples()).extracting(Example::where).anyMatch(where -> where.startsWith("README.md:"));
    }

    /** The REPL examples of README.md and every Markdown file under docs/. */
    static List<Example> examples() {
        var examples = new ArrayList<Example>();
        for (Path file : markdownFiles()) {
            examples.addAll(examplesIn(file));
        }
        return examples;
    }

    static List<Path> markdownFiles() {
        var files = new ArrayList<>(List.of(Run.ROOT.resolve("README.md")));
        Path docs = Run.ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<Example> examplesIn(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var examples = new ArrayList<Example>();
        boolean fenced = false;
        int start = 0;
        List<String> snippets = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                if (fenced && !snippets.isEmpty()) {
                    examples.add(new Example(Run.ROOT.relativize(file) + ":" + start, List.copyOf(snippets),
                            List.copyOf(failures)));
                }
                fenced = !fenced;
                start = i + 2;
                snippets.clear();
                failures.clear();
            } else if (fenced && line.startsWith(PROMPT)) {
                snippets.add(line.substring(PROMPT.length()));
            } else if (fenced && line.startsWith(CONTINUATION) && !snippets.isEmpty()) {
                int last = snippets.size() - 1;
                snippets.set(last, snippets.get(last) + "\n" + line.substring(CONTINUATION.length()));
            } else if (fenced) {
                Matcher shown = SHOWN_FAILURE.matcher(line);
                if (shown.find()) {
                    failures.add(shown.group(1));
                }
            }
        }
        return examples;
    }
}
