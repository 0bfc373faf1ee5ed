package dev.ecoscan.data;

import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates the four data files. Any problem stops loading with a {@link DataFileException}
 * naming the file and the entry: duplicate ids, a rule for a node that does not exist, a node without
 * a rule, a recyclable rule without its reward-blocking tags or blocking on a tag that does not exist,
 * a recyclable middle without a character, a misspelt key. Each file has its own reader
 * ({@link SituationTagsFile}, {@link TaxonomyFile}, {@link DisposalRulesFile}, {@link CharactersFile}),
 * read in that order because each checks its references against the ones before.
 */
public final class KnowledgeBaseLoader {

    /** The taxonomy's file. */
    public static final String TAXONOMY = "taxonomy.yaml";
    /** The situation tags' file. */
    public static final String TAGS = "situation-tags.yaml";
    /** The disposal rules' file. */
    public static final String RULES = "disposal-rules.yaml";
    /** The characters' file. */
    public static final String CHARACTERS = "characters.yaml";
    /** The four files, in the order they are read. */
    public static final List<String> FILES = List.of(TAXONOMY, TAGS, RULES, CHARACTERS);

    private static final String RESOURCE_DIR = "/dev/ecoscan/data/";

    /** Where the files are read from. */
    @FunctionalInterface
    interface FileOpener {
        InputStream open(String name) throws IOException;
    }

    private final FileOpener opener;

    private KnowledgeBaseLoader(FileOpener opener) {
        this.opener = opener;
    }

    /**
     * Loads the files shipped in this module.
     *
     * @return a loader of the bundled files
     */
    public static KnowledgeBaseLoader fromClasspath() {
        return new KnowledgeBaseLoader(name -> {
            InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(RESOURCE_DIR + name);
            if (in == null) {
                throw new IOException("resource " + RESOURCE_DIR + name + " is missing from the classpath");
            }
            return in;
        });
    }

    /**
     * Loads the four files from a directory, e.g. a deployment's own edited copy.
     *
     * @param directory holds the four files, named as {@link #FILES}
     * @return a loader of that directory's files
     */
    public static KnowledgeBaseLoader fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new KnowledgeBaseLoader(name -> Files.newInputStream(directory.resolve(name)));
    }

    /**
     * Copies the embedded files into a directory, as a starting point for an edited copy.
     *
     * @param directory where to write them; created when missing
     * @throws IOException when a file cannot be written
     */
    public static void exportEmbedded(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : FILES) {
            try (InputStream in = fromClasspath().opener.open(name)) {
                Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Reads and checks the four files.
     *
     * @return the knowledge base
     * @throws DataFileException naming the file and the entry that is wrong
     */
    public KnowledgeBase load() {
        Taxonomy taxonomy = TaxonomyFile.read(parse(TAXONOMY), SituationTagsFile.read(parse(TAGS)));
        RuleBook rules = DisposalRulesFile.read(parse(RULES), taxonomy);
        CharacterCatalogue characters = CharactersFile.read(parse(CHARACTERS), taxonomy);
        return new KnowledgeBase(taxonomy, rules, characters);
    }

    private Object parse(String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (InputStream in = opener.open(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new DataFileException(name, "(document)", "not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
