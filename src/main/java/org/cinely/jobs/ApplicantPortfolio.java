package org.cinely.jobs;

import java.util.List;
import java.util.Optional;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;

/**
 * What the jobs module needs to know about an applicant's portfolio: who they are (from their
 * profile), the works they may attach, and the credits on their profile. Declared by jobs, so
 * jobs depends on this small interface rather than on how profiles and works store them; {@link
 * ProfileApplicantPortfolio} answers through the profiles and works facades.
 */
public interface ApplicantPortfolio {

    /** The applicant as the poster sees them, copied onto the application when they apply. */
    record Applicant(
            MemberId id, String handle, String displayName, String headline, String location, List<Craft> crafts) {}

    /**
     * A shared work: its page, and where to play it inline (an HLS or MP4 address) with its poster
     * frame. Only works the member shares publicly may be attached.
     */
    record Work(long id, String title, String pageUrl, String playbackUrl, String posterUrl, String mimeType) {}

    /** A credit on the member's profile: production, role, year. */
    record Credit(String production, String role, Integer year) {}

    Optional<Applicant> applicant(MemberId member);

    /** The works the member may attach to an application, newest first. */
    List<Work> shareableWorks(MemberId member);

    /**
     * The chosen works still visible, in the order chosen; works deleted or made private since
     * drop out.
     */
    List<Work> works(MemberId member, List<Long> workIds);

    List<Credit> credits(MemberId member);
}
