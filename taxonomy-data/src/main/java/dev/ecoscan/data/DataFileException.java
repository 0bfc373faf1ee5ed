package dev.ecoscan.data;

/** A data file is wrong; the message names the file and the entry, so the fix is one search away. */
public final class DataFileException extends RuntimeException {

    private final String file;
    private final String entry;

    public DataFileException(String file, String entry, String problem) {
        this(file, entry, problem, null);
    }

    public DataFileException(String file, String entry, String problem, Throwable cause) {
        super(file + ": " + entry + ": " + problem, cause);
        this.file = file;
        this.entry = entry;
    }

    public String file() {
        return file;
    }

    public String entry() {
        return entry;
    }
}
