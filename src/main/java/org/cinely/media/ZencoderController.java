package org.cinely.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the remote transcoder calls: the notification webhook (authenticated by the secret in
 * its URL) and the source download (authenticated by a signature). Both sit in their own
 * security chain without log-in or CSRF (see {@link TranscoderSecurityConfiguration}).
 */
@RestController
class ZencoderController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transcoder transcoder;
    private final TranscodeJobs jobs;
    private final TranscodeWorker worker;
    private final MediaAssets assets;
    private final MediaStore store;

    ZencoderController(
            Transcoder transcoder, TranscodeJobs jobs, TranscodeWorker worker, MediaAssets assets, MediaStore store) {
        this.transcoder = transcoder;
        this.jobs = jobs;
        this.worker = worker;
        this.assets = assets;
        this.store = store;
    }

    private Optional<ZencoderTranscoder> zencoder() {
        return transcoder instanceof ZencoderTranscoder z ? Optional.of(z) : Optional.empty();
    }

    /**
     * A notification only nudges: the job's state is read back from the API, so a repeated or
     * late notification finds the job already finished and changes nothing.
     */
    @PostMapping(path = "/media/transcoder/zencoder/{secret}")
    ResponseEntity<Void> notification(@PathVariable String secret, @RequestBody(required = false) String body) {
        Optional<ZencoderTranscoder> z = zencoder();
        if (z.isEmpty()
                || z.get().notificationSecret().isEmpty()
                || !same(secret, z.get().notificationSecret())) {
            return ResponseEntity.notFound().build();
        }
        String externalId;
        try {
            externalId = JSON.readTree(body == null ? "{}" : body)
                    .path("job")
                    .path("id")
                    .asString("");
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        jobs.findByExternalId(transcoder.name(), externalId).ifPresent(job -> worker.check(job.id()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/media/transcoder/source/{assetId}/{signature}")
    ResponseEntity<?> source(@PathVariable long assetId, @PathVariable String signature) throws java.io.IOException {
        Optional<ZencoderTranscoder> z = zencoder();
        if (z.isEmpty() || !same(signature, z.get().sourceSignature(assetId))) {
            return ResponseEntity.notFound().build();
        }
        Asset asset = assets.find(assetId).orElse(null);
        if (asset == null || asset.sourceKey() == null) {
            return ResponseEntity.notFound().build();
        }
        var object = store.find(asset.sourceKey()).orElse(null);
        if (object == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(object.size())
                .body(new MediaApi.StoredResource(store, object));
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
