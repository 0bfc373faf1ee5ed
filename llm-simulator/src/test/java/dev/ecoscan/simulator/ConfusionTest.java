package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.testkit.PngText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The confuse fault: a stable share of images whose vision reply names another item. */
class ConfusionTest {

    private LlmSimulator simulator;

    @AfterEach
    void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_scripted_confusion_names_another_item_of_the_taxonomy() {
        simulator = LlmSimulator.start(SimulatorConfig.instant());
        SimulatorClient client = new SimulatorClient(simulator);
        simulator.faults().nextFor(RequestKind.VISION, Fault.CONFUSE);
        var vision = Requests.vision(Requests.labelledPng("recyclable.paper-pack.milk-carton", ""));

        String confused =
                SimulatorClient.content(client.chat(vision)).path("item").asText();
        String normal =
                SimulatorClient.content(client.chat(vision)).path("item").asText();

        assertThat(normal).isEqualTo("우유팩");
        assertThat(confused).isNotEqualTo("우유팩");
        assertThat(Requests.TAXONOMY.items().map(Item::name)).contains(confused);
        assertThat(simulator.stats().outcomes().confused()).isEqualTo(1);
    }

    @Test
    void a_confuse_rate_confuses_that_share_of_images_and_always_the_same_ones() {
        simulator = LlmSimulator.start(SimulatorConfig.instant().withFaultRates(FaultRates.parse("confuse=0.2")));
        SimulatorClient client = new SimulatorClient(simulator);
        List<Item> items = Requests.TAXONOMY.items().toList();
        List<Boolean> first = new ArrayList<>();
        List<Boolean> second = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Item item = items.get(i % items.size());
            byte[] png = PngText.write(Requests.labelledPng(item.id().value(), ""), "eco-scan:n", Integer.toString(i));
            first.add(confused(client, png, item));
            second.add(confused(client, png, item));
        }

        long share = first.stream().filter(wrong -> wrong).count();
        assertThat(share).isBetween(40L, 80L);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void confusion_is_not_drawn_from_the_request_shares() {
        FaultRates rates = FaultRates.parse("500=0.9,confuse=0.5");

        assertThat(rates.of(Fault.CONFUSE)).isEqualTo(0.5);
        assertThat(rates.draw(0.95)).isEqualTo(Fault.NONE);
        assertThat(rates.confuses(0)).isTrue();
        assertThat(rates.confuses(-1)).isFalse();
    }

    private static boolean confused(SimulatorClient client, byte[] png, Item item) {
        return !SimulatorClient.content(client.chat(Requests.vision(png)))
                .path("item")
                .asText()
                .equals(item.name());
    }
}
