package org.gridcase.handling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of handling. How long handling may take is a service level in processes/sla.dmn.
 *
 * @param maxExtensionDays longest extension a handler may ask for at once (default 30)
 */
@ConfigurationProperties("gridcase.handling")
record HandlingProperties(@DefaultValue("30") int maxExtensionDays) {
}
