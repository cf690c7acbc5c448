package org.cinely.jobs;

import java.util.List;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;

/** A new listing went up on the board. */
public record JobPosted(JobId job, MemberId poster, String title, List<Craft> crafts) {}
