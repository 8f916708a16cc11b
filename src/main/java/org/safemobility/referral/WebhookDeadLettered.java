package org.safemobility.referral;

import java.util.UUID;

/** A webhook event ran out of delivery attempts and was dead-lettered; fired in the transaction that records it. */
public record WebhookDeadLettered(String office, UUID caseId, String eventId, String why) {
}
