package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.Image;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
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
    private final String model;
    private final RepairingCall<ClassifierVerdict> call;
    private final String systemPrompt;
    private final String userPrompt;
    private final String promptVersion;
    private final ResultCache<VisionKey, ClassifierVerdict> cache;

    OpenAiClassifier(ImageSource images, Taxonomy taxonomy, StepChain chain,
                     ResultCache<VisionKey, ClassifierVerdict> cache) {
        ResponseFormat format = VisionSchema.of(taxonomy);
        this.images = images;
        this.model = chain.models();
        this.call = new RepairingCall<>(chain, "vision", format, new VisionReplyReader(taxonomy));
        this.systemPrompt = PromptTemplate.load("vision-system.txt").render(Map.of(
                "taxonomy", TaxonomyDigest.categories(taxonomy),
                "tags", TaxonomyDigest.tags(taxonomy)));
        this.userPrompt = PromptTemplate.load("vision-user.txt").render(Map.of());
        this.promptVersion = Hashes.sha256(systemPrompt + "\u0000" + userPrompt + "\u0000" + format);
        this.cache = cache;
    }

    /** Same image bytes, models and prompt: same classification. */
    record VisionKey(String imageHash, String model, String promptVersion) {
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        ImageLoad load = images.load(request.image());
        if (load instanceof ImageLoad.Unreadable unreadable) {
            return new ClassifierVerdict.UnreadableImage(unreadable.reason());
        }
        Image image = ((ImageLoad.Loaded) load).image();
        return cache.get(new VisionKey(image.contentHash(), model, promptVersion), () -> classify(request, image),
                        verdict -> verdict instanceof ClassifierVerdict.Labelled
                                || verdict instanceof ClassifierVerdict.Unclassifiable)
                .orElseGet(() -> new ClassifierVerdict.Failure(FailureKind.DEADLINE_EXCEEDED,
                        "the scan's deadline passed while an identical image was being classified"));
    }

    private ClassifierVerdict classify(ClassificationRequest request, Image image) {
        UserMessage photo = UserMessage.from(TextContent.from(userPrompt), ImageContent.from(
                Base64.getEncoder().encodeToString(image.bytes()), image.mediaType(), ImageContent.DetailLevel.LOW));
        return switch (call.run(request.scanId(), List.of(SystemMessage.from(systemPrompt), photo), request.deadline())) {
            case RepairingCall.Result.Value<ClassifierVerdict> value -> value.value();
            case RepairingCall.Result.Failure<ClassifierVerdict> failure ->
                    new ClassifierVerdict.Failure(failure.kind(), failure.detail());
        };
    }
}
