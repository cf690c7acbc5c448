package org.cinely.media;

import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.springframework.stereotype.Component;

/**
 * Media's part of erasing a member: whatever the works module left (uploads never attached to a
 * work, a failed one), stored files included. Media has nothing of its own to export: the works
 * module puts each work's original video in the download, through {@link MediaApi#openSource}.
 */
@Component
class MediaMemberData implements MemberData {

    private final MediaApi media;

    MediaMemberData(MediaApi media) {
        this.media = media;
    }

    @Override
    public int order() {
        return 60; // after works, which removes the assets of its works first
    }

    @Override
    public void export(MemberId member, MemberDataArchive archive) {
        // the works module exports the sources, with the works they belong to
    }

    @Override
    public void erase(MemberId member) {
        media.deleteAllOf(member);
    }
}
