package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.scan.FailureKind;
import java.util.Locale;

/** A port's typed failure as a span's {@code error.type}: the kind's name, lower-case. */
final class FailureTypes {

    private FailureTypes() {}

    static String of(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
