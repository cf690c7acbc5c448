package org.cinely.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code cinely.media.*}: limits, storage, transcoder choice and their settings. */
@ConfigurationProperties("cinely.media")
record MediaProperties(
        DataSize maxUploadSize,
        DataSize memberQuota,
        String transcoder,
        Storage storage,
        Ffmpeg ffmpeg,
        Zencoder zencoder,
        Duration pollInterval,
        int maxAttempts) {

    record Storage(String type, Path localDir, S3 s3) {}

    record S3(String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {}

    record Ffmpeg(
            String ffmpegPath,
            String ffprobePath,
            int poolSize,
            String preset,
            Path workDir,
            double timeLimitFactor,
            Duration timeLimitFloor) {}

    record Zencoder(String baseUrl, String apiKey, String notificationSecret, String publicBaseUrl) {}
}
