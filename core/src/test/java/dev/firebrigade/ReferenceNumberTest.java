package dev.firebrigade;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free reference scan answers exactly as the regex it replaced. */
class ReferenceNumberTest {
    private static final Pattern REGEX = Pattern.compile("(?:INC-)?(\\d{1,18})");

    private static String byRegex(String given) {
        Matcher m = REGEX.matcher(given.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? Long.toString(Long.parseLong(m.group(1))) : null;
    }

    @Test
    void readsReferencesAndLeavesIdsAlone() {
        assertThat(Incidents.referenceNumber("INC-123")).isEqualTo("123");
        assertThat(Incidents.referenceNumber(" inc-007 ")).isEqualTo("7");
        assertThat(Incidents.referenceNumber("42")).isEqualTo("42");
        assertThat(Incidents.referenceNumber("01FCNDV6P870EA6S7TK1DSYDG0")).isNull();
    }

    @Test
    void agreesWithTheRegex() {
        var cases = new ArrayList<>(List.of("", " ", "INC-", "inc-", "INC-1", "Inc-12", "ınc-3", "INC--1", "INC-1a",
                "1", "0", "000", "123456789012345678", "1234567890123456789", "INC-123456789012345678", "\t9\n",
                "١٢٣", "INC 1", "XINC-1", "INC-+1", "-1", "01FCNDV6P870EA6S7TK1DSYDG0", "01234567890123456789012345"));
        var random = new Random(7);
        String alphabet = "0123456789INCinc- \tXZ";
        for (int i = 0; i < 20_000; i++) {
            var s = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(s.toString());
        }
        for (String given : cases) {
            assertThat(Incidents.referenceNumber(given)).as("\"" + given + "\"").isEqualTo(byRegex(given));
        }
    }
}
