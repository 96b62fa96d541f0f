package bitalloc.domain.process;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Every process of one host as one poll saw it, stored column by column. A scan reads 10^5 processes every poll;
 * with one object per process (and one per pid and RAM amount) it spent most of its time following pointers, while
 * these columns are read in a straight line. Rows are materialised as {@link ProcessSnapshot}s on demand, for the
 * few processes a scan has not seen before and for callers that are not on the hot path.
 */
public final class ProcessSnapshots implements Iterable<ProcessSnapshot> {

    public static final ProcessSnapshots EMPTY = builder().build();

    private final int size;
    private final long[] pids;
    private final String[] scripts;
    private final int[] threads;
    private final long[] ramPerThread;
    /**
     * Arguments are kept as one run of text rather than one string each, so a poll of 10^5 processes is a few arrays
     * for the garbage collector instead of 10^5 strings. Row {@code i}'s arguments are numbers {@code argStart[i]} up
     * to {@code argStart[i + 1]}; argument {@code k} is the text from {@code argEnd[k - 1]} (0 for the first) to
     * {@code argEnd[k]}. Like Java's own strings, the text takes one byte per character when every character fits
     * in one (Latin-1: {@code narrowText}, and {@code wideText} is null), else two ({@code wideText} only): script
     * arguments are nearly always ASCII, and the text is most of what a large poll keeps.
     */
    private final int[] argStart;
    private final int[] argEnd;
    private final byte[] narrowText;
    private final char[] wideText;

    private ProcessSnapshots(Builder built) {
        this.size = built.size;
        this.pids = Arrays.copyOf(built.pids, size);
        this.scripts = Arrays.copyOf(built.scripts, size);
        this.threads = Arrays.copyOf(built.threads, size);
        this.ramPerThread = Arrays.copyOf(built.ramPerThread, size);
        this.argStart = Arrays.copyOf(built.argStart, size + 1);
        int argCount = built.argStart[size];
        this.argEnd = Arrays.copyOf(built.argEnd, argCount);
        int textLength = built.textLength();
        if (!built.wide) {
            this.narrowText = Arrays.copyOf(built.narrowText, textLength);
            this.wideText = null;
        } else if (fitsInBytes(built.wideText, 0, textLength)) {
            // The wide text came from arguments that were discarded: the kept ones are stored as any other table.
            this.narrowText = narrowed(built.wideText, textLength);
            this.wideText = null;
        } else {
            this.narrowText = null;
            this.wideText = Arrays.copyOf(built.wideText, textLength);
        }
    }

    public static Builder builder() {
        return new Builder(16);
    }

    /** A builder sized for {@code expectedRows} processes, so a large poll is not copied while it grows. */
    public static Builder builder(int expectedRows) {
        return new Builder(Math.max(1, expectedRows));
    }

    /**
     * A builder sized for {@code expectedRows} processes whose arguments hold {@code expectedArgChars} characters in
     * all: when the guess holds, no column is grown (and copied) on the way.
     */
    public static Builder builder(int expectedRows, int expectedArgChars) {
        return new Builder(Math.max(1, expectedRows), Math.max(0, expectedArgChars));
    }

    public static ProcessSnapshots of(Iterable<ProcessSnapshot> processes) {
        Builder builder = builder();
        processes.forEach(builder::add);
        return builder.build();
    }

    public static ProcessSnapshots of(ProcessSnapshot... processes) {
        return of(Arrays.asList(processes));
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Pid pid(int row) {
        return Pid.of(pidValue(row));
    }

    /** The pid as a number, for loops over every process that need no {@link Pid} object per row. */
    public long pidValue(int row) {
        return pids[checked(row)];
    }

    public String script(int row) {
        return scripts[checked(row)];
    }

    public int threads(int row) {
        return threads[checked(row)];
    }

    public Ram ramPerThread(int row) {
        return Ram.ofHundredths(ramPerThread[checked(row)]);
    }

    /** RAM the process holds in hundredths of a GB (per-thread RAM times threads, checked not to overflow). */
    public long ramHundredths(int row) {
        checked(row);
        return ramPerThread[row] * threads[row];
    }

    public int argCount(int row) {
        return argStart[checked(row) + 1] - argStart[row];
    }

    public String arg(int row, int position) {
        if (position < 0 || position >= argCount(row)) {
            throw new IndexOutOfBoundsException("argument " + position + " of row " + row);
        }
        int number = argStart[row] + position;
        int from = number == 0 ? 0 : argEnd[number - 1];
        int length = argEnd[number] - from;
        return narrowText != null
                ? new String(narrowText, from, length, StandardCharsets.ISO_8859_1)
                : new String(wideText, from, length);
    }

    /** Row {@code row}'s arguments in a new array. */
    public String[] argArray(int row) {
        String[] rowArgs = new String[argCount(row)];
        for (int position = 0; position < rowArgs.length; position++) {
            rowArgs[position] = arg(row, position);
        }
        return rowArgs;
    }

    public List<String> args(int row) {
        return List.of(argArray(row));
    }

    public ProcessSnapshot get(int row) {
        return new ProcessSnapshot(pid(row), script(row), threads(row), ramPerThread(row), args(row));
    }

    public List<ProcessSnapshot> toList() {
        List<ProcessSnapshot> list = List.empty();
        for (int row = size - 1; row >= 0; row--) {
            list = list.prepend(get(row));
        }
        return list;
    }

    /**
     * Whether {@code other} lists the same pids in the same order, each with the same threads and RAM per thread.
     * Scripts and arguments are not compared: within a game session a pid never changes its script or arguments.
     */
    public boolean listsSameProcessesAs(ProcessSnapshots other) {
        return size == other.size && Arrays.equals(pids, other.pids) && Arrays.equals(threads, other.threads)
                && Arrays.equals(ramPerThread, other.ramPerThread);
    }

    @Override
    public Iterator<ProcessSnapshot> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public ProcessSnapshot next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    private int checked(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return row;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessSnapshots that && size == that.size && Arrays.equals(pids, that.pids)
                && Arrays.equals(scripts, that.scripts) && Arrays.equals(threads, that.threads)
                && Arrays.equals(ramPerThread, that.ramPerThread) && Arrays.equals(argStart, that.argStart)
                && Arrays.equals(argEnd, that.argEnd) && Arrays.equals(narrowText, that.narrowText)
                && Arrays.equals(wideText, that.wideText);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pids) + Arrays.hashCode(narrowText) + Arrays.hashCode(wideText);
    }

    @Override
    public String toString() {
        return toList().mkString("ProcessSnapshots[", ", ", "]");
    }

    private static boolean fitsInBytes(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static byte[] narrowed(char[] chars, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) chars[i];
        }
        return bytes;
    }

    /**
     * Collects rows in the order a poll lists them; each row is checked as a {@link ProcessSnapshot} would be.
     * A row's arguments are appended first ({@link #arg}), then {@link #add} closes the row with them.
     */
    public static final class Builder {

        private int size;
        private long[] pids;
        private String[] scripts;
        private int[] threads;
        private long[] ramPerThread;
        private int[] argStart;
        private int[] argEnd;
        private int argCount;
        /** The text while every character of it fits in a byte; once one does not, all of it is in wideText. */
        private byte[] narrowText;
        private char[] wideText;
        private boolean wide;

        private Builder(int capacity) {
            this(capacity, capacity * 8);
        }

        private Builder(int capacity, int textCapacity) {
            pids = new long[capacity];
            scripts = new String[capacity];
            threads = new int[capacity];
            ramPerThread = new long[capacity];
            argStart = new int[capacity + 1];
            argEnd = new int[capacity];
            narrowText = new byte[textCapacity];
        }

        /** Appends an argument of the next row, from {@code length} characters of {@code chars} (copied). */
        public Builder arg(char[] chars, int offset, int length) {
            if (!wide && !fitsInBytes(chars, offset, length)) {
                widen();
            }
            int from = textLength();
            reserveArg(length);
            if (wide) {
                System.arraycopy(chars, offset, wideText, from, length);
            } else {
                byte[] text = narrowText;
                for (int i = 0; i < length; i++) {
                    text[from + i] = (byte) chars[offset + i];
                }
            }
            argEnd[argCount++] = from + length;
            return this;
        }

        /**
         * Appends an argument of the next row from {@code length} bytes of ASCII text in {@code bytes}, copied
         * straight into the table's text (a reader of raw request bytes needs no string or char array first).
         */
        public Builder asciiArg(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] < 0) {
                    throw new IllegalArgumentException("not ASCII: byte " + i);
                }
            }
            int from = textLength();
            reserveArg(length);
            if (wide) {
                for (int i = 0; i < length; i++) {
                    wideText[from + i] = (char) bytes[offset + i];
                }
            } else {
                System.arraycopy(bytes, offset, narrowText, from, length);
            }
            argEnd[argCount++] = from + length;
            return this;
        }

        public Builder arg(String text) {
            int length = text.length();
            for (int i = 0; i < length && !wide; i++) {
                if (text.charAt(i) > 0xFF) {
                    widen();
                }
            }
            int from = textLength();
            reserveArg(length);
            if (wide) {
                text.getChars(0, length, wideText, from);
            } else {
                byte[] bytes = narrowText;
                for (int i = 0; i < length; i++) {
                    bytes[from + i] = (byte) text.charAt(i);
                }
            }
            argEnd[argCount++] = from + length;
            return this;
        }

        /** Forgets the arguments appended since the last row was added (their process turned out unusable). */
        public Builder discardPendingArgs() {
            argCount = argStart[size];
            return this;
        }

        public Builder add(ProcessSnapshot process) {
            requireValidRow(process.script(), process.threads(), process.ramPerThread());
            discardPendingArgs();
            process.args().forEach(this::arg);
            return add(process.pid(), process.script(), process.threads(), process.ramPerThread());
        }

        /** Adds a row with the arguments appended since the previous row. */
        public Builder add(Pid pid, String script, int threadCount, Ram perThread) {
            requireValidRow(script, threadCount, perThread);
            if (size == pids.length) {
                grow();
            }
            pids[size] = pid.value();
            scripts[size] = script;
            threads[size] = threadCount;
            ramPerThread[size] = perThread.hundredths();
            argStart[size + 1] = argCount;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /** The table so far, in arrays of exactly its size (the builder's own storage is never shared). */
        public ProcessSnapshots build() {
            discardPendingArgs();
            return new ProcessSnapshots(this);
        }

        /**
         * Forgets every row and pending argument but keeps the storage, so one builder reused for the hosts of a
         * scan grows only until it fits the largest, and each table built from it costs one copy of its own size.
         */
        public Builder clear() {
            size = 0;
            argCount = 0;
            wide = false;
            return this;
        }

        private static void requireValidRow(String script, int threadCount, Ram perThread) {
            ProcessSnapshot.requireValid(script, threadCount);
            Math.multiplyExact(perThread.hundredths(), threadCount);
        }

        private int textLength() {
            return argCount == 0 ? 0 : argEnd[argCount - 1];
        }

        private void reserveArg(int length) {
            if (argCount == argEnd.length) {
                argEnd = Arrays.copyOf(argEnd, argCount * 2);
            }
            int needed = textLength() + length;
            if (wide && needed > wideText.length) {
                wideText = Arrays.copyOf(wideText, Math.max(wideText.length * 2, needed));
            } else if (!wide && needed > narrowText.length) {
                narrowText = Arrays.copyOf(narrowText, Math.max(narrowText.length * 2, needed));
            }
        }

        /** From now on the text takes two bytes per character: what is there so far is copied over. */
        private void widen() {
            int length = textLength();
            if (wideText == null || wideText.length < narrowText.length) {
                wideText = new char[narrowText.length];
            }
            for (int i = 0; i < length; i++) {
                wideText[i] = (char) (narrowText[i] & 0xFF);
            }
            wide = true;
        }

        private void grow() {
            int capacity = pids.length * 2;
            pids = Arrays.copyOf(pids, capacity);
            scripts = Arrays.copyOf(scripts, capacity);
            threads = Arrays.copyOf(threads, capacity);
            ramPerThread = Arrays.copyOf(ramPerThread, capacity);
            argStart = Arrays.copyOf(argStart, capacity + 1);
        }
    }
}
