package dev.ecoscan.data;

/** A data file is wrong; the message names the file and the entry, so the fix is one search away. */
public final class DataFileException extends RuntimeException {

    /** The file that is wrong. */
    private final String file;
    /** The entry that is wrong. */
    private final String entry;

    /**
     * A problem with one entry of one file.
     *
     * @param file    the file, e.g. {@code taxonomy.yaml}
     * @param entry   the entry, e.g. a node's id
     * @param problem what is wrong with it
     */
    public DataFileException(String file, String entry, String problem) {
        this(file, entry, problem, null);
    }

    /**
     * A problem with one entry of one file, found by a parser that threw.
     *
     * @param file    the file, e.g. {@code taxonomy.yaml}
     * @param entry   the entry, e.g. a node's id
     * @param problem what is wrong with it
     * @param cause   what the parser threw
     */
    public DataFileException(String file, String entry, String problem, Throwable cause) {
        super(file + ": " + entry + ": " + problem, cause);
        this.file = file;
        this.entry = entry;
    }

    /**
     * The file that is wrong.
     *
     * @return its name, e.g. {@code taxonomy.yaml}
     */
    public String file() {
        return file;
    }

    /**
     * The entry that is wrong.
     *
     * @return e.g. a node's id
     */
    public String entry() {
        return entry;
    }
}
