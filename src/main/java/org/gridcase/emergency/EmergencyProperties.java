package org.gridcase.emergency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param switchBatchSize open cases switched per job (one transaction) when an area changes mode (default 100)
 */
@ConfigurationProperties("gridcase.emergency")
record EmergencyProperties(@DefaultValue("100") int switchBatchSize) {
}
