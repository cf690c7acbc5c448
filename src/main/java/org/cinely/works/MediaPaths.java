package org.cinely.works;

/**
 * Where a work's media files are served: {@code /works/{id}/media/v{version}/...}. The version
 * changes whenever the work stops reaching someone who could see it (hidden, held, its author's
 * standing, a narrower visibility), so publicly cached copies under the old URLs are never linked
 * again, and the old URLs answer 404.
 */
final class MediaPaths {

    private MediaPaths() {}

    static String base(long workId, int version) {
        return "/works/" + workId + "/media/v" + version + "/";
    }

    static String playlist(long workId, int version) {
        return base(workId, version) + "hls/master.m3u8";
    }

    static String poster(long workId, int version) {
        return base(workId, version) + "hls/poster.jpg";
    }
}
