package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.application.answer.TemplateAnswerGenerator;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.image.LocalImageSource;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.testkit.InMemoryRewards;
import dev.ecoscan.testkit.SampleLabelClassifier;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where settings pick the implementation of each driven port. No LLM, database or
 * remote adapter exists yet: the classifier and the rewards are testkit fakes, answers come from the
 * template strategy whatever strategy is asked for, and {@link #wiring} says so loudly.
 */
@Module
interface PortsModule {

    @Provides
    @Singleton
    static ImageSource imageSource(Settings settings) {
        Duration fetchTimeout = Duration.ofSeconds(10);
        return new LocalImageSource(settings.deadline().compareTo(fetchTimeout) < 0 ? settings.deadline() : fetchTimeout);
    }

    @Provides
    @Singleton
    static Classifier classifier(ImageSource images, Taxonomy taxonomy) {
        return new SampleLabelClassifier(images, taxonomy);
    }

    /** Every strategy answers from the template until the LLM adapter exists; {@link #wiring} warns. */
    @Provides
    @Singleton
    static AnswerGenerator answers() {
        return new TemplateAnswerGenerator();
    }

    @Provides
    @Singleton
    static RewardMatcher rewards(CharacterCatalogue characters) {
        return new InMemoryRewards(characters);
    }

    @Provides
    @Singleton
    static Wiring wiring(Settings settings, PrintStream notices) {
        List<String> warnings = new ArrayList<>();
        warnings.add("eco-scan is running on TEST FAKES: there is no LLM adapter yet. The classifier reads the item id"
                + " from a sample PNG's text chunk (see samples/), and rewards live in memory for this process only.");
        String strategy = settings.answerStrategy();
        if (!strategy.equals("template")) {
            warnings.add("ECO_SCAN_ANSWER_STRATEGY=" + strategy + " needs the LLM adapter, which is not built yet:"
                    + " answers use the template strategy (composed from the disposal rule, no model call).");
        }
        for (Setting ignored : settings.givenButNotInEffect()) {
            warnings.add(ignored.env() + " is set but has no effect yet: its feature is not built.");
        }
        warnings.forEach(w -> notices.println("WARNING: " + w));
        return new Wiring("testkit SampleLabelClassifier (PNG text chunk)", "embedded knowledge base",
                "template strategy", "testkit InMemoryRewards", warnings);
    }
}
