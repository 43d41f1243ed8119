package org.spectlab.validation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for a report: column headers, rows of text cells, and a status per row that the report
 * colours (green pass, red fail, none neutral). All text is escaped when rendered.
 *
 * @param caption  caption above the table (may be empty)
 * @param headers  column headers
 * @param rows     rows, each as many cells as headers
 * @param statuses one status per row
 */
public record Table(String caption, List<String> headers, List<List<String>> rows, List<Status> statuses) {

    /** Row colouring. */
    public enum Status {
        /** Passed: green. */
        PASS,
        /** Failed: red. */
        FAIL,
        /** No verdict. */
        NEUTRAL
    }

    /** Checks the shape and copies. */
    public Table {
        Objects.requireNonNull(caption, "caption");
        headers = List.copyOf(headers);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, table has " + headers.size()
                        + " columns");
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
        statuses = List.copyOf(statuses);
        if (statuses.size() != rows.size()) {
            throw new IllegalArgumentException("need one status per row");
        }
    }

    /** A table builder with the given headers. */
    public static Builder builder(String caption, String... headers) {
        return new Builder(caption, List.of(headers));
    }

    /** Collects rows. */
    public static final class Builder {
        private final String caption;
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<Status> statuses = new ArrayList<>();

        private Builder(String caption, List<String> headers) {
            this.caption = caption;
            this.headers = headers;
        }

        /** Adds a row without verdict. */
        public Builder row(String... cells) {
            return row(Status.NEUTRAL, cells);
        }

        /** Adds a row with a status. */
        public Builder row(Status status, String... cells) {
            rows.add(List.of(cells));
            statuses.add(status);
            return this;
        }

        /** The table. */
        public Table build() {
            return new Table(caption, headers, rows, statuses);
        }
    }
}
