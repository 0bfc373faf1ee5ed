/**
 * The LLM ports on LangChain4j's OpenAI chat model: {@link dev.ecoscan.adapter.openai.OpenAiClassifier}
 * (vision) and {@link dev.ecoscan.adapter.openai.OpenAiAnswerGenerator}. Works with any
 * OpenAI-compatible server that honours {@code response_format} json_schema and reports usage.
 */
package dev.ecoscan.adapter.openai;
