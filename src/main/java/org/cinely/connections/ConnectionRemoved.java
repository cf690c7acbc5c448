package org.cinely.connections;

import org.cinely.platform.MemberId;

/** A connection ended (either side may end it): what each saw through it is retracted. */
public record ConnectionRemoved(MemberId remover, MemberId other) {}
