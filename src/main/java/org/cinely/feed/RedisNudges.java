package org.cinely.feed;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With {@code CINELY_REDIS_URL} set, nodes tell each other about new live events through Redis
 * pub/sub: a node that committed some publishes a nudge, and every other node reads the new rows
 * at once instead of at its next poll. The events themselves stay in the database (so a
 * reconnecting browser can replay them, and a node that missed a nudge still finds them on its
 * next poll): Redis only makes cross-node delivery immediate. Without the setting, nothing here
 * runs and nodes find each other's events by polling.
 */
@Component
class RedisNudges implements DisposableBean {

    static final String CHANNEL = "cinely:live";

    private static final Logger log = LoggerFactory.getLogger(RedisNudges.class);

    private final String node = UUID.randomUUID().toString();
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;

    RedisNudges(LiveEvents events, LiveHub hub, @Value("${cinely.live.redis-url:}") String url) {
        if (!StringUtils.hasText(url)) {
            client = null;
            publisher = null;
            subscriber = null;
            return;
        }
        client = RedisClient.create(url);
        publisher = client.connect();
        subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (!node.equals(message)) {
                    hub.wake();
                }
            }
        });
        subscriber.sync().subscribe(CHANNEL);
        events.onPublished(this::nudge);
        log.info("Live updates between nodes go through Redis ({})", CHANNEL);
    }

    boolean enabled() {
        return client != null;
    }

    private void nudge() {
        try {
            publisher.async().publish(CHANNEL, node);
        } catch (RuntimeException e) {
            // The other nodes still find the events on their next poll.
            log.warn("Could not nudge the other nodes through Redis: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (client != null) {
            subscriber.close();
            publisher.close();
            client.shutdown();
        }
    }
}
