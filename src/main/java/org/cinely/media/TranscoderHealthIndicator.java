package org.cinely.media;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The transcoder on the health page (/actuator/health, details for admins). A missing
 * transcoder reports UNKNOWN, not DOWN: the site works and keeps uploads, so a load balancer
 * must not take the node out of service for it.
 */
@Component("transcoderHealthContributor")
class TranscoderHealthIndicator implements HealthIndicator {

    private final Transcoder transcoder;

    TranscoderHealthIndicator(Transcoder transcoder) {
        this.transcoder = transcoder;
    }

    @Override
    public Health health() {
        if (transcoder.available()) {
            return Health.up().withDetail("transcoder", transcoder.name()).build();
        }
        return Health.unknown()
                .withDetail("transcoder", transcoder.name())
                .withDetail("message", transcoder.whyUnavailable())
                .build();
    }
}
