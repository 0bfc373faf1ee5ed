package dev.ecoscan.application.cost;

import dev.ecoscan.domain.port.ModelCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per model, dated: the bundled table of public list prices, or one a platform team writes for
 * its own deployment. A dated model name (gpt-4.1-mini-2025-04-14) is priced as its family
 * (gpt-4.1-mini); a model the table does not know has no cost estimate, never a cost of zero.
 *
 * <p>The format is CSV with a header {@code model,input,cached_input,output} (USD per 1M tokens);
 * lines starting with {@code #} are comments, and {@code # as_of: YYYY-MM-DD} dates the table.
 */
public final class PriceTable {

    private static final String BUNDLED = "prices.csv";
    private static final String HEADER = "model,input,cached_input,output";

    private final Map<String, ModelPrice> byModel;
    private final Optional<LocalDate> asOf;

    private PriceTable(Map<String, ModelPrice> byModel, Optional<LocalDate> asOf) {
        this.byModel = Map.copyOf(byModel);
        this.asOf = asOf;
    }

    /**
     * The table shipped with eco-scan (see the sources in its comments).
     *
     * @return the bundled prices
     */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled price table is missing from the jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A table in the CSV format above.
     *
     * @throws IllegalArgumentException naming the line that is not a price
     * @param csv the table, one model per line
     * @return the table
     * @throws IOException when the text cannot be read
     */
    public static PriceTable parse(Reader csv) throws IOException {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        Optional<LocalDate> asOf = Optional.empty();
        boolean header = false;
        BufferedReader lines = new BufferedReader(csv);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String text = line.strip();
            if (text.startsWith("# as_of:")) {
                asOf = Optional.of(date(text.substring("# as_of:".length()).strip(), number));
            } else if (text.isEmpty() || text.startsWith("#")) {
                continue;
            } else if (!header) {
                if (!text.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + number + ": the header must be '" + HEADER + "'");
                }
                header = true;
            } else {
                ModelPrice price = price(text, number);
                if (prices.put(price.model(), price) != null) {
                    throw new IllegalArgumentException("line " + number + ": '" + price.model() + "' is priced twice");
                }
            }
        }
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("the price table has no prices");
        }
        return new PriceTable(prices, asOf);
    }

    /**
     * The price of a model, or of its family when the name carries a date or version suffix.
     *
     * @param model the model a call named
     * @return its price, or empty when neither it nor its family is priced
     */
    public Optional<ModelPrice> forModel(String model) {
        String name = model.strip().toLowerCase(Locale.ROOT);
        ModelPrice exact = byModel.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        // The longest known name the model's name starts with, followed by '-': gpt-4.1-mini-2025-04-14.
        return byModel.values().stream()
                .filter(price -> name.startsWith(price.model() + "-"))
                .max((a, b) -> Integer.compare(a.model().length(), b.model().length()));
    }

    /**
     * The estimated cost of a call, when its model is priced.
     *
     * @param call a call
     * @return its cost in US dollars, or empty when its model is not priced
     */
    public Optional<Double> costUsd(ModelCall call) {
        return forModel(call.model()).map(price -> price.costUsd(call));
    }

    /**
     * The date the prices were read, when the table says.
     *
     * @return that date
     */
    public Optional<LocalDate> asOf() {
        return asOf;
    }

    /**
     * Every price in the table.
     *
     * @return the prices, in the table's order
     */
    public List<ModelPrice> prices() {
        return List.copyOf(byModel.values());
    }

    private static ModelPrice price(String text, int number) {
        String[] fields = text.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("line " + number + ": expected model,input,cached_input,output");
        }
        try {
            return new ModelPrice(
                    fields[0].strip().toLowerCase(Locale.ROOT),
                    Double.parseDouble(fields[1].strip()),
                    Double.parseDouble(fields[2].strip()),
                    Double.parseDouble(fields[3].strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String text, int number) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + number + ": as_of must be a date like 2026-12-07", e);
        }
    }
}
