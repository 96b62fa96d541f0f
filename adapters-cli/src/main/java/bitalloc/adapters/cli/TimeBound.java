package bitalloc.adapters.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A --since/--until value: an ISO-8601 instant, or a time back from now such as 90m, 2h, 1d or PT1H. */
final class TimeBound {

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final DateTimeFormatter SQL_LITERAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TimeBound() {
    }

    static Instant parse(String text, Clock clock) {
        String value = text.strip();
        Matcher ago = AGO.matcher(value.toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration back = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(back);
        }
        try {
            return value.toUpperCase(Locale.ROOT).startsWith("P")
                    ? clock.instant().minus(Duration.parse(value)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "expected an instant such as 2026-01-31T18:00:00Z or a time back such as 90m, 2h, 1d: '" + text + "'");
        }
    }

    /** A literal both H2 and PostgreSQL read as TIMESTAMP WITH TIME ZONE. */
    static String sqlLiteral(Instant instant) {
        return "TIMESTAMP WITH TIME ZONE '" + SQL_LITERAL.format(instant) + "'";
    }
}
