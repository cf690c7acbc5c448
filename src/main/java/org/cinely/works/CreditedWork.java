package org.cinely.works;

import org.cinely.platform.ProductionType;

/** A confirmed credit of a member on a work they may be shown with (for their profile). */
public record CreditedWork(long workId, String title, ProductionType type, Integer year, String craft) {}
