package bitalloc.adapters.cli;

import bitalloc.application.port.out.history.QueryResult;
import io.vavr.collection.List;
import java.io.PrintWriter;
import java.math.BigDecimal;

/** How a query result is printed: an aligned table for people, CSV or JSON for other programs. */
enum OutputFormat {
    TABLE {
        @Override
        void print(QueryResult result, PrintWriter out) {
            List<List<String>> cells = result.rows().map(row -> row.map(OutputFormat::text));
            List<Integer> widths = result.columns().zipWithIndex().map(column -> cells
                    .map(row -> row.get(column._2).length()).fold(column._1.length(), Math::max));
            List<Boolean> numeric = result.columns().zipWithIndex().map(column -> !result.rows().isEmpty()
                    && result.rows().forAll(row -> row.get(column._2) == null || row.get(column._2) instanceof Number));
            out.println(line(result.columns(), widths, numeric.map(n -> false)));
            out.println(widths.map("-"::repeat).mkString("-+-"));
            cells.forEach(row -> out.println(line(row, widths, numeric)));
            out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
        }

        private String line(List<String> cells, List<Integer> widths, List<Boolean> alignRight) {
            return cells.zipWithIndex().map(cell -> alignRight.get(cell._2)
                    ? " ".repeat(widths.get(cell._2) - cell._1.length()) + cell._1
                    : cell._1 + " ".repeat(widths.get(cell._2) - cell._1.length())).mkString(" | ").stripTrailing();
        }
    },
    CSV {
        @Override
        void print(QueryResult result, PrintWriter out) {
            out.println(result.columns().map(this::quoted).mkString(","));
            result.rows().forEach(row -> out.println(row.map(value -> quoted(text(value))).mkString(",")));
        }

        private String quoted(String value) {
            return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    },
    JSON {
        @Override
        void print(QueryResult result, PrintWriter out) {
            out.println(result.rows().map(row -> result.columns().zip(row)
                    .map(cell -> string(cell._1) + ":" + json(cell._2)).mkString("{", ",", "}"))
                    .mkString("[", ",\n", "]"));
        }

        private String json(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return string(value.toString());
        }

        private String string(String text) {
            StringBuilder json = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return json.append('"').toString();
        }
    };

    abstract void print(QueryResult result, PrintWriter out);

    /** A cell as text: SQL NULL is empty, decimals keep their scale, times are ISO-8601 UTC. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
