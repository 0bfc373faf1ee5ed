package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The vision step on an OpenAI-compatible chat model. The pipeline hands it the image it loaded, which
 * it sends inline as a base64 data URL at low detail, so a provider that cannot reach the internet
 * works too. The static part of the prompt (instructions and the categories with their cues) comes
 * first and never varies, so a provider's prompt cache can serve it; the image comes last. The reply's
 * labels are resolved against the taxonomy here, once ({@link VisionReplyReader}).
 *
 * <p>The request's copies of the image are counted in the image's hold for as long as the call lasts;
 * the pipeline gives the hold back when the call has ended.
 */
public final class OpenAiClassifier implements Classifier {

    /**
     * The request holds the image in base64 about this many times over during a call: the base64
     * text, the data URL made of it, the JSON body and that body's bytes.
     */
    private static final int REQUEST_COPIES = 4;

    private final String model;
    private final RepairingCall<ClassifierVerdict> call;
    private final String systemPrompt;
    private final String userPrompt;
    private final String promptVersion;
    private final ResultCache<VisionKey, ClassifierVerdict> cache;

    OpenAiClassifier(Taxonomy taxonomy, StepChain chain, ResultCache<VisionKey, ClassifierVerdict> cache) {
        ResponseFormat format = VisionSchema.of(taxonomy);
        this.model = chain.models();
        this.call = new RepairingCall<>(chain, "vision", format, new VisionReplyReader(taxonomy));
        this.systemPrompt = PromptTemplate.load("vision-system.txt")
                .render(Map.of("taxonomy", TaxonomyDigest.categories(taxonomy)));
        this.userPrompt = PromptTemplate.load("vision-user.txt").render(Map.of());
        this.promptVersion = Hashes.sha256(systemPrompt + "\u0000" + userPrompt + "\u0000" + format);
        this.cache = cache;
    }

    /** Same image bytes, models and prompt: same classification. */
    record VisionKey(String imageHash, String model, String promptVersion) {}

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        Image image = request.image();
        return cache.get(
                        () -> new VisionKey(image.contentHash(), model, promptVersion),
                        () -> call(request, image, request.hold()),
                        verdict -> verdict instanceof ClassifierVerdict.Classified
                                || verdict instanceof ClassifierVerdict.Unclassifiable)
                .orElseGet(() -> new ClassifierVerdict.Failure(
                        FailureKind.DEADLINE_EXCEEDED,
                        "the scan's deadline passed while an identical image was being classified"));
    }

    private ClassifierVerdict call(ClassificationRequest request, Image image, ImageHold hold) {
        long base64Length = 4L * ((image.size() + 2) / 3);
        if (!hold.resizeTo(hold.bytes() + REQUEST_COPIES * base64Length)) {
            return new ClassifierVerdict.Failure(
                    FailureKind.OVERLOADED, "the image budget could not take the vision request's copies of the image");
        }
        UserMessage photo = UserMessage.from(
                TextContent.from(userPrompt),
                ImageContent.from(base64(image, base64Length), image.mediaType(), ImageContent.DetailLevel.LOW));
        return switch (call.run(
                request.scanId(), List.of(SystemMessage.from(systemPrompt), photo), request.deadline())) {
            case RepairingCall.Result.Value<ClassifierVerdict> value -> value.value();
            case RepairingCall.Result.Failure<ClassifierVerdict> failure ->
                new ClassifierVerdict.Failure(failure.kind(), failure.detail());
        };
    }

    /** The image in base64, encoded from the image's own bytes rather than from a copy of them. */
    private static String base64(Image image, long length) {
        ByteArrayOutputStream text = new ByteArrayOutputStream((int) length);
        ByteBuffer bytes = image.view();
        byte[] chunk = new byte[48 * 1024];
        try (OutputStream out = Base64.getEncoder().wrap(text)) {
            while (bytes.hasRemaining()) {
                int n = Math.min(chunk.length, bytes.remaining());
                bytes.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return text.toString(StandardCharsets.ISO_8859_1);
    }
}
