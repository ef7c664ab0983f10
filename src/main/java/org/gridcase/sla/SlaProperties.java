package org.gridcase.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service levels.
 *
 * @param latestDecisionTtl how long this node trusts its memory of the latest {@code sla} decision before
 *     asking the database again; a deployment on this node takes effect at once, one on another node of a
 *     cluster within this time. Default one minute.
 */
@ConfigurationProperties("gridcase.sla")
record SlaProperties(@DefaultValue("PT1M") Duration latestDecisionTtl) {
}
