package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in S3-compatible object storage (AWS S3, MinIO, Ceph, R2, ...) through the AWS SDK v2,
 * so any number of app nodes see the same files.
 */
class S3MediaStore implements MediaStore {

    private final S3Client s3;
    private final String bucket;

    S3MediaStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static S3MediaStore create(MediaProperties.S3 settings) {
        var builder = S3Client.builder()
                .region(Region.of(
                        settings.region() == null || settings.region().isBlank() ? "us-east-1" : settings.region()))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return new S3MediaStore(builder.build(), settings.bucket());
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw new IOException("Could not store " + key, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            throw new IOException("Could not store " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> find(String key) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(key, head.contentLength(), MediaStore.contentTypeOf(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Could not read " + key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(key);
        if (offset > 0 || length >= 0) {
            request.range("bytes=" + offset + "-" + (length >= 0 ? Long.toString(offset + length - 1) : ""));
        }
        try {
            return s3.getObject(request.build());
        } catch (S3Exception e) {
            throw new IOException("Could not read " + key, e);
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        try (InputStream in = open(key, 0, -1)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request =
                        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
                if (token != null) {
                    request.continuationToken(token);
                }
                ListObjectsV2Response page = s3.listObjectsV2(request.build());
                page.contents().stream().map(S3Object::key).forEach(keys::add);
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (S3Exception e) {
            throw new IOException("Could not list " + prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            throw new IOException("Could not delete " + key, e);
        }
    }

    @Override
    public int deleteAll(String prefix) throws IOException {
        List<String> keys = list(prefix);
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            try {
                s3.deleteObjects(b -> b.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (S3Exception e) {
                throw new IOException("Could not delete under " + prefix, e);
            }
        }
        return keys.size();
    }
}
