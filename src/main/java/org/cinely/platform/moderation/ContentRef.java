package org.cinely.platform.moderation;

/** One piece of content: a profile (by member id), a work, a comment or a job listing. */
public record ContentRef(ContentKind kind, long id) {

    @Override
    public String toString() {
        return kind.slug() + ":" + id;
    }
}
