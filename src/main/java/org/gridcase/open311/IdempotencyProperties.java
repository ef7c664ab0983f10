package org.gridcase.open311;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param window how long the same post (client, service code, description and location) returns the first
 *     request's service_request_id instead of creating another case (default 10 minutes)
 */
@ConfigurationProperties("gridcase.open311.idempotency")
record IdempotencyProperties(@DefaultValue("PT10M") Duration window) {
}
