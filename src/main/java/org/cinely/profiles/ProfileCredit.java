package org.cinely.profiles;

import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;

/** A credit on a member's profile, as other modules show it (jobs shows an applicant's). */
public record ProfileCredit(String title, int year, ProductionType type, Craft role) {}
