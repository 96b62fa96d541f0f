package bitalloc.adapters.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a simulation report for people: the metric names of DESIGN.md §7, aligned, units spelled out. */
final class ReportText {

    private static final List<String> COMPARED = List.of("clashes.ours", "clashes.averted", "clashes.player", "utilization",
            "reclaim_polls.p50", "reclaim_polls.p99", "leaked_gb", "tasks.failed", "tasks.timed_out", "money");

    private ReportText() {
    }

    static String simulation(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "bitalloc simulation: scenario %s, seed %s, %s simulated%n",
                report.get("scenario"), report.get("seed"), hours(number(report.get("simulated_seconds")))));
        text.append(System.lineSeparator());
        Map<String, Object> flat = flatten(report);
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Object> entry : flat.entrySet()) {
            String key = entry.getKey();
            if (key.equals("scenario") || key.equals("seed") || key.equals("simulated_seconds")
                    || key.startsWith("first_harvest_seconds.") || key.startsWith("world.")) {
                continue;
            }
            rows.add(new String[] {key, format(key, entry.getValue())});
        }
        text.append(aligned(rows));
        Map<String, Object> harvests = nested(report, "first_harvest_seconds");
        text.append(String.format("%nper target: time from start to first harvest (%d targets reached harvest)%n",
                harvests.size()));
        List<String[]> targets = new ArrayList<>();
        harvests.forEach((target, seconds) -> targets.add(new String[] {target, minutes(number(seconds))}));
        text.append(aligned(targets));
        text.append(String.format("%nwhat the simulated world did%n"));
        List<String[]> world = new ArrayList<>();
        nested(report, "world").forEach((key, value) -> world.add(new String[] {key, String.valueOf(value)}));
        text.append(aligned(world));
        return text.toString();
    }

    static Map<String, Object> comparisonRow(String name, Map<String, Object> report) {
        Map<String, Object> flat = flatten(report);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(name.startsWith("seed ") ? "run" : "estimator + margin", name);
        for (String key : COMPARED) {
            row.put(key, format(key, flat.get(key)));
        }
        return row;
    }

    static String table(List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (Map<String, Object> row : rows) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(columns.get(i))).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, columns, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendRow(text, rule, widths);
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            columns.forEach(column -> cells.add(String.valueOf(row.get(column))));
            appendRow(text, cells, widths);
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            text.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("  %" + widths[i] + "s", cell));
        }
        text.append(System.lineSeparator());
    }

    private static String aligned(List<String[]> rows) {
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(String.format("  %-" + width + "s  %s%n", row[0], row[1]));
        }
        return text.toString();
    }

    private static String format(String key, Object value) {
        if (value == null) {
            return "-";
        }
        if (key.equals("utilization")) {
            return String.format(Locale.ROOT, "%.4f", number(value));
        }
        if (key.equals("money")) {
            return String.format(Locale.ROOT, "$%,.0f", number(value));
        }
        if (key.equals("leaked_gb")) {
            return String.format(Locale.ROOT, "%.2f GB", number(value));
        }
        if (key.equals("backoff_seconds")) {
            return String.format(Locale.ROOT, "%.1f s", number(value));
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> report, String key) {
        Object value = report.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> flatten(Map<String, Object> report) {
        Map<String, Object> flat = new LinkedHashMap<>();
        report.forEach((key, value) -> {
            if (value instanceof Map) {
                flatten((Map<String, Object>) value).forEach((inner, innerValue) -> flat.put(key + "." + inner, innerValue));
            } else {
                flat.put(key, value);
            }
        });
        return flat;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String hours(double seconds) {
        return String.format(Locale.ROOT, "%.2f h", seconds / 3600);
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
