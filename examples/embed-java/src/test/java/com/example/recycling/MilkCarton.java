package com.example.recycling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample photo of a milk carton, from the eco-scan checkout this example lives in. */
final class MilkCarton {

    private MilkCarton() {}

    static byte[] png() {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("samples", "../../samples"), "milk-carton.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
