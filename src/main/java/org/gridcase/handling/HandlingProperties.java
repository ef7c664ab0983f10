package org.gridcase.handling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long handling may take, by colour, counted from dispatch (and again from a reopening).
 *
 * @param green green list, closed by grid workers (default 3 days)
 * @param yellow yellow list, handled by the grid leader (default 5 days)
 * @param red red list, coordinated by the district liaison leader (default 10 days)
 * @param maxExtensionDays longest extension a handler may ask for at once (default 30)
 */
@ConfigurationProperties("gridcase.handling")
record HandlingProperties(@DefaultValue("P3D") Duration green, @DefaultValue("P5D") Duration yellow,
    @DefaultValue("P10D") Duration red, @DefaultValue("30") int maxExtensionDays) {
}
