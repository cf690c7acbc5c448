package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * Whatever a client sends as tus Upload-Metadata: either the pairs, or a refusal with its reason
 * (a 400 the uploader reads), never another exception (which would be a 500).
 */
class TusHeadersFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void anyMetadataHeaderParsesOrIsRefused(FuzzedDataProvider input) {
        // Header values arrive as ISO-8859-1 (what Tomcat decodes them as).
        String header = new String(input.consumeRemainingAsBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            Map<String, String> meta = TusController.parseMetadata(header);
            assertThat(meta.keySet()).allMatch(key -> !key.isEmpty() && !key.contains(","));
            assertThat(meta.values()).doesNotContainNull();
        } catch (UploadRefusedException refused) {
            assertThat(refused.reasonKey()).isEqualTo("media.refused.metadata");
            assertThat(refused.status()).isEqualTo(400);
        }
    }
}
