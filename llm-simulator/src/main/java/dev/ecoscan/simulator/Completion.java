package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One chat.completion, whole or in chunks. */
record Completion(String id, long created, String model, String content, String finishReason, Usage usage) {

    static final String FINGERPRINT = "fp_ecoscan_sim";

    ObjectNode toJson(ObjectNode body) {
        body.put("id", id)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", content)
                .putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        usage(body.putObject("usage"));
        body.put("system_fingerprint", FINGERPRINT);
        return body;
    }

    ObjectNode chunk(ObjectNode body, ObjectNode delta, String finishReason, boolean withUsage) {
        body.put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model)
                .put("system_fingerprint", FINGERPRINT);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (withUsage) {
            body.putNull("usage");
        }
        return body;
    }

    ObjectNode usageChunk(ObjectNode body) {
        body.put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model)
                .put("system_fingerprint", FINGERPRINT);
        body.putArray("choices");
        usage(body.putObject("usage"));
        return body;
    }

    private void usage(ObjectNode node) {
        node.put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.totalTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedTokens());
        node.putObject("completion_tokens_details").put("reasoning_tokens", 0);
    }
}
