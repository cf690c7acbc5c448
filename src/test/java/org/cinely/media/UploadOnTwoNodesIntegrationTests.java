package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.media.TusUploader.sha256;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cinely.test.HttpTestClient;
import org.cinely.test.OwnDatabase;
import org.cinely.works.WorksTestAccess;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the site on one database and one S3-compatible store (S3Proxy), as a deployment
 * behind a load balancer runs: an upload's PATCHes land on either node in turn, and the stored
 * source is the file, byte for byte, transcoded by whichever node claims it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UploadOnTwoNodesIntegrationTests {

    static S3Proxy s3proxy;
    static OwnDatabase db;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() throws Exception {
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
        blobs.createContainer("cinely-two-nodes");
        db = OwnDatabase.start("two-nodes-db");
        String[] s3 = {
            "--cinely.media.storage.type=s3",
            "--cinely.media.storage.s3.endpoint=http://127.0.0.1:" + s3proxy.getPort(),
            "--cinely.media.storage.s3.bucket=cinely-two-nodes",
            "--cinely.media.storage.s3.access-key=access-key",
            "--cinely.media.storage.s3.secret-key=secret-key",
            "--cinely.media.storage.s3.path-style=true"
        };
        nodeA = db.app(s3);
        // Its own upload directory (each node keeps only what it is receiving right now).
        String[] withOwnDir = Arrays.copyOf(s3, s3.length + 1);
        withOwnDir[s3.length] = "--cinely.data-dir=" + db.dataDir().resolveSibling("node-b-data");
        nodeB = db.app(withOwnDir);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (db != null) {
            db.stop();
        }
        if (s3proxy != null) {
            s3proxy.stop();
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void patchesLandingOnEitherNodeMakeOneIntactUpload() throws Exception {
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        TusUploader uploader = TusUploader.signedInWithWork(jdbc, port(nodeA), "Relay");
        HttpTestClient onA = uploader.browser();
        long workId = uploader.workId();
        // The same browser (its session lives in the database) reaching node B.
        Map<String, String> tus = uploader.tusWithCookies();
        HttpTestClient onB = new HttpTestClient(port(nodeB));

        byte[] bytes = Files.readAllBytes(WorksTestAccess.clip(1280, 720));
        HttpResponse<String> announced = uploader.announce(onB, tus, bytes.length, "relay.mp4");
        assertThat(announced.statusCode()).isEqualTo(201);
        String path = URI.create(announced.headers().firstValue("Location").orElseThrow())
                .getPath();

        int chunk = bytes.length / 5 + 1;
        int offset = 0;
        for (int i = 0; offset < bytes.length; i++) {
            HttpTestClient node = i % 2 == 0 ? onA : onB;
            HttpResponse<String> head = node.request("HEAD", path, tus, null);
            assertThat(head.headers().firstValue("Upload-Offset")).contains(Integer.toString(offset));
            int to = Math.min(bytes.length, offset + chunk);
            HttpResponse<String> sent = TusUploader.patch(node, tus, path, bytes, offset, to);
            assertThat(sent.statusCode())
                    .as("PATCH %d on node %s", i, i % 2 == 0 ? "A" : "B")
                    .isEqualTo(204);
            offset = to;
        }

        long assetId = jdbc.queryForObject("select media_asset_id from works where id = ?", Long.class, workId);
        Awaitility.await("transcoded by either node")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> jdbc.queryForObject("select state from media_assets where id = ?", String.class, assetId),
                        "READY"::equals);
        MediaStore store = nodeB.getBean(MediaStore.class);
        String key = jdbc.queryForObject("select source_key from media_assets where id = ?", String.class, assetId);
        byte[] stored;
        try (InputStream in = store.open(key, 0, -1)) {
            stored = in.readAllBytes();
        }
        assertThat(sha256(stored)).as("the source is the file, byte for byte").isEqualTo(sha256(bytes));
        assertThat(store.list(Asset.prefix(assetId) + "upload/"))
                .as("the staged parts are gone")
                .isEmpty();
    }
}
