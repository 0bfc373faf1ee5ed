package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.port.ModelCall;
import java.util.List;

/**
 * Tokens of a pass, summed over its model calls. Uncached input is what the provider billed at the
 * full rate: the input less the part served from its prompt cache.
 */
public record TokenUse(long uncachedInput, long cachedInput, long output, long calls) {

    public static TokenUse of(List<ModelCall> calls) {
        long cached = 0;
        long input = 0;
        long output = 0;
        for (ModelCall call : calls) {
            int hit = call.cachedInputTokens().orElse(0);
            cached += hit;
            input += call.inputTokens() - hit;
            output += call.outputTokens();
        }
        return new TokenUse(input, cached, output, calls.size());
    }
}
