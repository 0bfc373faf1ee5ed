package dev.ecoscan.simulator;

/** The token counts one answer reports, as OpenAI's {@code usage} object carries them. */
record Usage(int promptTokens, int completionTokens, int cachedTokens) {

    Usage {
        if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0 || cachedTokens > promptTokens) {
            throw new IllegalArgumentException("impossible usage: prompt " + promptTokens + ", completion "
                    + completionTokens + ", cached " + cachedTokens);
        }
    }

    int totalTokens() {
        return promptTokens + completionTokens;
    }
}
