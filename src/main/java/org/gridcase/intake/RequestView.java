package org.gridcase.intake;

import java.time.Instant;

/** A request as the other modules read it. Contains personal data: never log it. */
public record RequestView(long id, String trackingNumber, RequestStatus status, String gridCode, String categoryCode,
    String colour, String description, String channel, String requesterName, String requesterEmail,
    String requesterPhone, String declineReason, String declineNote, String handledBy, String handlingNote,
    Instant receivedAt, Instant dueAt, Instant closedAt) {
}
