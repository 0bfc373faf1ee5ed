package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void each_provider_has_its_open_telemetry_gen_ai_name_beside_its_setting() {
        assertThat(Provider.OPENAI.genAiName()).isEqualTo("openai");
        assertThat(Provider.AZURE_OPENAI.genAiName()).isEqualTo("azure.ai.openai");
        assertThat(Provider.OPENAI_COMPATIBLE.genAiName()).isEqualTo("openai_compatible");
        assertThat(Provider.parse("azure-openai")).contains(Provider.AZURE_OPENAI);
    }
}
