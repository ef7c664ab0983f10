package org.gridcase.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A grid's polygon in WGS 84, treated as plane coordinates (longitude x, latitude y): a grid is a few
 * hundred metres across, far too small for the earth's curvature to move its edges. Stored as WKT
 * ({@code POLYGON((lon lat, ...))}) with its bounding box beside it for the prefilter in SQL.
 */
final class GridArea {

  private final double[] longitudes;
  private final double[] latitudes;

  /** @param corners [longitude, latitude] pairs; a closing corner equal to the first is dropped */
  GridArea(List<double[]> corners) {
    List<double[]> ring = new ArrayList<>(corners);
    if (ring.size() > 1 && Arrays.equals(ring.get(0), ring.get(ring.size() - 1))) {
      ring.remove(ring.size() - 1);
    }
    if (ring.size() < 3) {
      throw new IllegalArgumentException("a polygon needs at least 3 corners");
    }
    longitudes = ring.stream().mapToDouble(corner -> corner[0]).toArray();
    latitudes = ring.stream().mapToDouble(corner -> corner[1]).toArray();
  }

  /** Corners of a polygon as written by {@link #toWkt()}. */
  static GridArea fromWkt(String wkt) {
    String ring = wkt.strip();
    if (!ring.startsWith("POLYGON((") || !ring.endsWith("))")) {
      throw new IllegalArgumentException("not a WKT polygon");
    }
    List<double[]> corners = new ArrayList<>();
    for (String corner : ring.substring("POLYGON((".length(), ring.length() - 2).split(",")) {
      String[] lonLat = corner.strip().split("\\s+");
      corners.add(new double[] {Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1])});
    }
    return new GridArea(corners);
  }

  /** WKT with the ring closed, as PostGIS and other GIS tools read it. */
  String toWkt() {
    StringBuilder wkt = new StringBuilder("POLYGON((");
    for (int i = 0; i <= longitudes.length; i++) {
      int corner = i % longitudes.length;
      wkt.append(i == 0 ? "" : ", ").append(number(longitudes[corner])).append(' ').append(number(latitudes[corner]));
    }
    return wkt.append("))").toString();
  }

  /** The corners as [longitude, latitude] pairs, the ring not closed. */
  List<double[]> corners() {
    List<double[]> corners = new ArrayList<>(longitudes.length);
    for (int i = 0; i < longitudes.length; i++) {
      corners.add(new double[] {longitudes[i], latitudes[i]});
    }
    return corners;
  }

  double minLatitude() {
    return Arrays.stream(latitudes).min().orElseThrow();
  }

  double maxLatitude() {
    return Arrays.stream(latitudes).max().orElseThrow();
  }

  double minLongitude() {
    return Arrays.stream(longitudes).min().orElseThrow();
  }

  double maxLongitude() {
    return Arrays.stream(longitudes).max().orElseThrow();
  }

  /**
   * Whether the point is inside or on the edge. Edges count as inside, so a point on the edge two grids
   * share is in both and the caller picks one by grid code.
   */
  boolean contains(double latitude, double longitude) {
    boolean inside = false;
    for (int i = 0, j = longitudes.length - 1; i < longitudes.length; j = i++) {
      if (onSegment(longitude, latitude, longitudes[j], latitudes[j], longitudes[i], latitudes[i])) {
        return true;
      }
      // Ray casting towards +longitude: count the edges the ray crosses.
      if ((latitudes[i] > latitude) != (latitudes[j] > latitude)) {
        double crossing = longitudes[j] + (latitude - latitudes[j]) * (longitudes[i] - longitudes[j])
            / (latitudes[i] - latitudes[j]);
        if (longitude < crossing) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  /** Within 1e-9 degrees (about 0.1 mm) of the segment: absorbs the rounding of written corners. */
  private static boolean onSegment(double x, double y, double x1, double y1, double x2, double y2) {
    double tolerance = 1e-9;
    double length = Math.hypot(x2 - x1, y2 - y1);
    double cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
    return Math.abs(cross) <= tolerance * length
        && x >= Math.min(x1, x2) - tolerance && x <= Math.max(x1, x2) + tolerance
        && y >= Math.min(y1, y2) - tolerance && y <= Math.max(y1, y2) + tolerance;
  }

  private static String number(double value) {
    return Double.toString(value);
  }
}
