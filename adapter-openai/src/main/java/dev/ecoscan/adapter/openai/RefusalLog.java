package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a provider's refusal once per endpoint, step and cause, with the setting that fixes it: a
 * refused request fails every scan the same way, and a thousand identical lines help nobody. The
 * provider's body goes here and nowhere a user can see it; the key is cut out of it first.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.llm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST_MESSAGE = 400;

    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    void report(CallSite site, String step, String model, EndpointTrouble trouble) {
        Optional<String> param = trouble.providerMessage().flatMap(RefusalLog::param);
        String key = site.name() + "/" + step + "/" + trouble.status().orElse(0) + "/" + param.orElse("");
        if (!logged.add(key)) {
            return;
        }
        LOG.warn("the " + step + " model " + model + " at the " + site.name()
                + " endpoint (" + site.address() + ") refused the request ("
                + trouble.status().orElse(0)
                + "): "
                + trouble.providerMessage()
                        .map(body -> redact(body, site.secret().orElse("")))
                        .orElse("(no body)")
                + " -- " + hint(trouble.status().orElse(0), param)
                + ". Logged once; later refusals like it are not.");
    }

    static String hint(int status, Optional<String> param) {
        if (status == 401 || status == 403) {
            return "check the endpoint's key (OPENAI_API_KEY, ECO_SCAN_FALLBACK_API_KEY or api_key in llm_chain)"
                    + " and ECO_SCAN_PROVIDER (azure-openai sends it as api-key)";
        }
        if (status == 404) {
            return "check the model names (ECO_SCAN_VISION_MODEL, ECO_SCAN_ANSWER_MODEL) and the base URL"
                    + " (OPENAI_BASE_URL ends in /v1; for Azure it is the deployment URL)";
        }
        return switch (param.orElse("")) {
            case "max_tokens", "max_completion_tokens" -> "set ECO_SCAN_TOKEN_PARAMETER to the name this server takes";
            case "temperature", "top_p" -> "unset ECO_SCAN_TEMPERATURE or pick a model that takes it";
            case "reasoning_effort" -> "unset ECO_SCAN_REASONING_EFFORT or set a value this model takes";
            case "response_format" -> "set ECO_SCAN_STRUCTURED_OUTPUT=json_object for a server without strict schemas";
            case "model" -> "check ECO_SCAN_VISION_MODEL and ECO_SCAN_ANSWER_MODEL";
            default -> "check ECO_SCAN_PROVIDER, the model settings and ECO_SCAN_STRUCTURED_OUTPUT";
        };
    }

    /** OpenAI's error body names the parameter it refused in {@code error.param}. */
    private static Optional<String> param(String body) {
        try {
            JsonNode param = JSON.readTree(body).path("error").path("param");
            return param.isTextual() ? Optional.of(param.asText()) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /** The provider's text without the key (some echo part of it) and cut short. */
    static String redact(String text, String apiKey) {
        String clean = apiKey.length() >= 8 ? text.replace(apiKey, "[redacted]") : text;
        clean = clean.replaceAll("\\s+", " ");
        return clean.length() <= LONGEST_MESSAGE ? clean : clean.substring(0, LONGEST_MESSAGE) + "…";
    }
}
