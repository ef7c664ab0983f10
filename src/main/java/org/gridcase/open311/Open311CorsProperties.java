package org.gridcase.open311;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages on other origins may call GeoReport v2 from a browser (CORS). Server-to-server clients send no
 * {@code Origin} and are not affected.
 *
 * @param readOrigins origins allowed to read the public resources (GET: discovery, services, requests), e.g.
 *     {@code https://map.example.org}, or {@code *} for any (default: none; the demo profile allows {@code *})
 * @param postOrigins origins allowed to post requests (with an API key) from a browser; never implied by
 *     {@code readOrigins} (default: none)
 * @param maxAge how long a browser may cache a preflight answer (default 30 minutes)
 */
@ConfigurationProperties("gridcase.open311.cors")
record Open311CorsProperties(@DefaultValue List<String> readOrigins, @DefaultValue List<String> postOrigins,
    @DefaultValue("PT30M") Duration maxAge) {
}
