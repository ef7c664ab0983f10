package org.gridcase.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Cockpit map 一张图.
 *
 * @param baseMapUrl optional base map under the grids: an XYZ tile URL template with {z}, {x} and {y}, e.g. an
 *     intranet tile server's {@code /tiles/{z}/{x}/{y}.png}; tiles must be in WGS 84 like the grid polygons.
 *     Empty (the default): no base map, the page loads nothing from anywhere but this server.
 * @param maxPoints most case points the map draws at once, most urgent (earliest due) first (default 10000:
 *     more points make an unreadable mass over a district and cost the answer its time budget); the page says
 *     when a filter would show more
 * @param maxGridCases most open cases listed for a clicked grid, earliest due first (default 200)
 */
@ConfigurationProperties("gridcase.map")
record MapProperties(String baseMapUrl, @DefaultValue("10000") int maxPoints, @DefaultValue("200") int maxGridCases) {

  MapProperties {
    baseMapUrl = baseMapUrl == null || baseMapUrl.isBlank() ? null : baseMapUrl.strip();
    if (baseMapUrl != null && !(baseMapUrl.contains("{z}") && baseMapUrl.contains("{x}") && baseMapUrl.contains("{y}")
        && baseMapUrl.matches("^(https?://|/)[^\\s\"'<>]+$"))) {
      throw new IllegalArgumentException("gridcase.map.base-map-url: an http(s) or /path URL template with {z}, {x}"
          + " and {y}, e.g. /tiles/{z}/{x}/{y}.png");
    }
    if (maxPoints < 1 || maxPoints > 200_000) {
      throw new IllegalArgumentException("gridcase.map.max-points: between 1 and 200000");
    }
    if (maxGridCases < 1 || maxGridCases > 2_000) {
      throw new IllegalArgumentException("gridcase.map.max-grid-cases: between 1 and 2000");
    }
  }
}
