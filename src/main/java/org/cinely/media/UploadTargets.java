package org.cinely.media;

import org.cinely.platform.MemberId;

/**
 * Implemented by a module that attaches uploads to what it owns (works: {@code "work:12"}), so
 * media can ask whether a member may upload to a target without depending on that module.
 */
public interface UploadTargets {

    /** Whether this implementation owns targets of this form. */
    boolean supports(String target);

    /** Whether the member may upload a video to the target now. */
    boolean mayUpload(MemberId member, String target);

    /** Called in the transaction that creates the upload: attach the asset to the target. */
    void uploadStarted(String target, long assetId);
}
