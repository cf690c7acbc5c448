package org.cinely.media;

import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same contract against a real S3-compatible server (S3Proxy on an in-memory back end). */
class S3MediaStoreIntegrationTests extends MediaStoreContract {

    static S3Proxy s3proxy;
    static S3MediaStore store;

    @BeforeAll
    static void startS3() throws Exception {
        TransientNio2BlobStore blobs = new TransientNio2BlobStore();
        s3proxy = S3Proxy.builder()
                .blobStore(blobs)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access-key", "secret-key")
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        s3proxy.start();
        Awaitility.await("S3Proxy started")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> s3proxy.getState().equals("STARTED"));
        blobs.createContainer("cinely-test");
        store = S3MediaStore.create(new MediaProperties.S3(
                "http://127.0.0.1:" + s3proxy.getPort(), "us-east-1", "cinely-test", "access-key", "secret-key", true));
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3proxy != null) {
            s3proxy.stop();
        }
    }

    @Override
    MediaStore store() {
        return store;
    }
}
