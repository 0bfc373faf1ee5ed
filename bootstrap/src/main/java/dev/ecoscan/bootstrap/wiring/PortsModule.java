package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.image.LocalImageSource;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.InMemoryRewards;
import dev.ecoscan.testkit.SampleLabelClassifier;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where settings pick the implementation of each driven port. No LLM, database or
 * remote adapter exists yet, so every choice is a testkit fake, and {@link #wiring} says so loudly.
 */
@Module
interface PortsModule {

    @Provides
    @Singleton
    static ImageSource imageSource(Settings settings) {
        return new LocalImageSource(Duration.ofSeconds(10).compareTo(settings.deadline()) < 0
                ? Duration.ofSeconds(10) : settings.deadline());
    }

    @Provides
    @Singleton
    static Classifier classifier(ImageSource images, Taxonomy taxonomy) {
        return new SampleLabelClassifier(images, taxonomy);
    }

    @Provides
    @Singleton
    static AnswerGenerator answers() {
        return CannedAnswers.fromRule();
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
                + " from a sample PNG's text chunk (see samples/), answers are copied from the disposal rules, and"
                + " rewards live in memory for this process only.");
        for (Setting ignored : settings.givenButNotInEffect()) {
            warnings.add(ignored.env() + " is set but has no effect yet: its feature is not built.");
        }
        warnings.forEach(w -> notices.println("WARNING: " + w));
        return new Wiring("testkit SampleLabelClassifier (PNG text chunk)", "embedded knowledge base",
                "testkit CannedAnswers.fromRule", "testkit InMemoryRewards", warnings);
    }
}
