package org.gridcase.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridAreaTest {

  /** An L: the square 0..2 x 0..2 without its upper right quarter; corners are [lon, lat]. */
  private final GridArea ell = new GridArea(List.of(new double[] {0, 0}, new double[] {2, 0}, new double[] {2, 1},
      new double[] {1, 1}, new double[] {1, 2}, new double[] {0, 2}));

  @Test
  void pointsInsideOutsideAndOnTheEdge() {
    assertThat(ell.contains(0.5, 0.5)).isTrue();
    assertThat(ell.contains(0.5, 1.5)).as("lower right arm").isTrue();
    assertThat(ell.contains(1.5, 1.5)).as("the missing quarter of a concave polygon").isFalse();
    assertThat(ell.contains(3, 0.5)).isFalse();
    assertThat(ell.contains(0.5, 2)).as("on an edge").isTrue();
    assertThat(ell.contains(1, 1)).as("on the inner corner").isTrue();
    assertThat(ell.contains(0, 0)).as("on a corner").isTrue();
  }

  @Test
  void boundingBoxAndWktRoundTrip() {
    assertThat(ell.minLatitude()).isZero();
    assertThat(ell.maxLatitude()).isEqualTo(2);
    assertThat(ell.maxLongitude()).isEqualTo(2);
    GridArea read = GridArea.fromWkt(ell.toWkt());
    assertThat(read.toWkt()).isEqualTo("POLYGON((0.0 0.0, 2.0 0.0, 2.0 1.0, 1.0 1.0, 1.0 2.0, 0.0 2.0, 0.0 0.0))");
    assertThat(read.contains(1.5, 1.5)).isFalse();
    assertThat(read.contains(0.5, 1.5)).isTrue();
  }

  @Test
  void needsThreeCorners() {
    assertThatThrownBy(() -> new GridArea(List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {0, 0})))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
