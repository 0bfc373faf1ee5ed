package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.Image;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The vision step on an OpenAI-compatible chat model. eco-scan loads the image itself and sends it
 * inline as a base64 data URL at low detail, so a provider that cannot reach the internet works too.
 * The static part of the prompt (instructions and the whole taxonomy) comes first and never varies,
 * so a provider's prompt cache can serve it.
 */
public final class OpenAiClassifier implements Classifier {

    private final ImageSource images;
    private final ProviderCaller caller;
    private final StepModel step;
    private final VisionReplyReader reader;
    private final ResponseFormat format;
    private final String systemPrompt;
    private final String userPrompt;
    private final String promptVersion;
    private final ResultCache<VisionKey, ClassifierVerdict> cache;

    OpenAiClassifier(ImageSource images, Taxonomy taxonomy, ProviderCaller caller, StepModel step,
                     ResultCache<VisionKey, ClassifierVerdict> cache) {
        this.images = images;
        this.caller = caller;
        this.step = step;
        this.reader = new VisionReplyReader(taxonomy);
        this.format = VisionSchema.of(taxonomy);
        this.systemPrompt = PromptTemplate.load("vision-system.txt").render(Map.of(
                "taxonomy", TaxonomyDigest.categories(taxonomy),
                "tags", TaxonomyDigest.tags(taxonomy)));
        this.userPrompt = PromptTemplate.load("vision-user.txt").render(Map.of());
        this.promptVersion = Hashes.sha256(systemPrompt + "\u0000" + userPrompt + "\u0000" + format);
        this.cache = cache;
    }

    /** Same image bytes, model and prompt: same classification. */
    record VisionKey(String imageHash, String model, String promptVersion) {
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        ImageLoad load = images.load(request.image());
        if (load instanceof ImageLoad.Unreadable unreadable) {
            return new ClassifierVerdict.UnreadableImage(unreadable.reason());
        }
        Image image = ((ImageLoad.Loaded) load).image();
        VisionKey key = new VisionKey(image.contentHash(), caller.modelName(), promptVersion);
        return cache.get(key, () -> classify(request.scanId(), image, request.deadline()),
                        verdict -> verdict instanceof ClassifierVerdict.Labelled
                                || verdict instanceof ClassifierVerdict.Unclassifiable)
                .orElseGet(() -> new ClassifierVerdict.Failure(FailureKind.DEADLINE_EXCEEDED,
                        "the scan's deadline passed while an identical image was being classified"));
    }

    private ClassifierVerdict classify(ScanId scanId, Image image, Instant deadline) {
        List<ChatMessage> messages = new ArrayList<>(List.of(
                SystemMessage.from(systemPrompt),
                UserMessage.from(TextContent.from(userPrompt), ImageContent.from(
                        Base64.getEncoder().encodeToString(image.bytes()), image.mediaType(),
                        ImageContent.DetailLevel.LOW))));
        ProviderReply reply = caller.call(scanId, request(messages), deadline);
        if (reply instanceof ProviderReply.Failure failure) {
            return new ClassifierVerdict.Failure(failure.kind(), failure.detail());
        }
        ProviderReply.Text text = (ProviderReply.Text) reply;
        VisionReplyReader.Reading reading = reader.read(text.content(), text.truncated());
        if (reading instanceof VisionReplyReader.Reading.Invalid invalid) {
            // One repair: the model sees its own reply and what was wrong with it.
            messages.add(AiMessage.from(text.content().isBlank() ? "(빈 응답)" : text.content()));
            messages.add(UserMessage.from(invalid.problem() + " 스키마에 맞는 JSON 하나로 다시 답하라."));
            ProviderReply repaired = caller.call(scanId, request(messages), deadline);
            if (repaired instanceof ProviderReply.Failure failure) {
                return new ClassifierVerdict.Failure(failure.kind(), failure.detail());
            }
            ProviderReply.Text second = (ProviderReply.Text) repaired;
            reading = reader.read(second.content(), second.truncated());
        }
        return switch (reading) {
            case VisionReplyReader.Reading.Classified classified -> new ClassifierVerdict.Labelled(classified.labels());
            case VisionReplyReader.Reading.Unclassifiable unclassifiable ->
                    new ClassifierVerdict.Unclassifiable(unclassifiable.reason());
            case VisionReplyReader.Reading.Invalid stillInvalid -> new ClassifierVerdict.Failure(
                    FailureKind.INVALID_OUTPUT,
                    "the vision model's reply was unusable after one repair: " + stillInvalid.problem());
        };
    }

    private ChatRequest request(List<ChatMessage> messages) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(List.copyOf(messages))
                .responseFormat(format)
                .maxOutputTokens(step.maxOutputTokens());
        step.temperature().ifPresent(builder::temperature);
        return builder.build();
    }
}
