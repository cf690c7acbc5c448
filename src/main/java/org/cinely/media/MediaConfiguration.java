package org.cinely.media;

import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the storage and transcoder adapters from configuration. */
@Configuration
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        MediaProperties.Storage storage = properties.storage();
        if ("s3".equalsIgnoreCase(storage.type())) {
            return S3MediaStore.create(storage.s3());
        }
        return new LocalMediaStore(storage.localDir());
    }

    @Bean
    Ffprobe ffprobe(MediaProperties properties) {
        return new Ffprobe(
                properties.ffmpeg().ffprobePath(), properties.ffmpeg().ffmpegPath());
    }

    @Bean
    Transcoder transcoder(MediaProperties properties, Ffprobe ffprobe, MediaStore store) {
        if ("zencoder".equalsIgnoreCase(properties.transcoder())) {
            return new ZencoderTranscoder(properties.zencoder(), store);
        }
        Path workDir = properties.ffmpeg().workDir();
        return new FfmpegTranscoder(
                ffprobe,
                store,
                workDir,
                properties.ffmpeg().preset(),
                properties.ffmpeg().timeLimitFactor(),
                properties.ffmpeg().timeLimitFloor());
    }
}
