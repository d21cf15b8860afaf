package dev.firebrigade.repl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link of README.md and docs/ stays in the repository and leads somewhere: a file that exists and, when the
 * link names a heading ({@code #section}), a heading of that file with GitHub's anchor for it. Web addresses may
 * appear as plain text, never as links, and nothing links outside the checkout.
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$");

    @Test
    void everyLinkLeadsToAFileAndHeadingOfThisRepository() {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : ReplExamplesTest.markdownFiles()) {
            for (String target : links(file)) {
                links++;
                String problem = problem(file, target);
                if (problem != null) {
                    broken.add(Run.ROOT.relativize(file) + ": (" + target + ") " + problem);
                }
            }
        }

        assertThat(links).as("links checked").isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    /** Why {@code target}, linked from {@code file}, leads nowhere in this repository, or null when it is fine. */
    private static String problem(Path file, String target) {
        if (target.contains("://") || target.startsWith("//") || target.startsWith("mailto:")) {
            return "leaves the repository: write the address as text";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!linked.startsWith(Run.ROOT)) {
            return "points outside the checkout";
        }
        if (!Files.exists(linked)) {
            return "no such file";
        }
        if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
            return "no such heading in " + Run.ROOT.relativize(linked);
        }
        return null;
    }

    /** The link targets of a Markdown file, outside fenced blocks and code spans. */
    private static List<String> links(Path file) {
        var targets = new ArrayList<String>();
        boolean fenced = false;
        for (String line : read(file)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        }
        return targets;
    }

    /** GitHub's anchors for the headings of a Markdown file (none for other files). */
    private static Set<String> anchors(Path file) {
        var anchors = new HashSet<String>();
        if (!file.toString().endsWith(".md")) {
            return anchors;
        }
        boolean fenced = false;
        for (String line : read(file)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    anchors.add(heading.group(1).toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-'));
                }
            }
        }
        return anchors;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
