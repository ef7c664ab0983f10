package org.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The base map of 一张图 is off unless configured, and only a plain tile URL template is taken. */
class MapPropertiesTest {

  @Test
  void noBaseMapByDefault() {
    assertThat(new MapProperties(null, 20_000, 200).baseMapUrl()).isNull();
    assertThat(new MapProperties("  ", 20_000, 200).baseMapUrl()).isNull();
  }

  @Test
  void anIntranetTileTemplateIsTaken() {
    assertThat(new MapProperties(" /tiles/{z}/{x}/{y}.png ", 20_000, 200).baseMapUrl())
        .isEqualTo("/tiles/{z}/{x}/{y}.png");
    assertThat(new MapProperties("http://10.1.2.3:8081/tiles/{z}/{x}/{y}.png", 20_000, 200).baseMapUrl())
        .startsWith("http://10.1.2.3");
  }

  @Test
  void anythingElseStopsTheStartWithTheFieldNamed() {
    for (String bad : new String[] {"/tiles/{z}/{x}.png", "javascript:alert(1)//{z}{x}{y}",
        "/tiles/{z}/{x}/{y}.png\" onerror=\"x", "tiles/{z}/{x}/{y}.png"}) {
      assertThatThrownBy(() -> new MapProperties(bad, 20_000, 200)).as(bad)
          .hasMessageStartingWith("gridcase.map.base-map-url");
    }
    assertThatThrownBy(() -> new MapProperties(null, 0, 200)).hasMessageStartingWith("gridcase.map.max-points");
    assertThatThrownBy(() -> new MapProperties(null, 100, 0)).hasMessageStartingWith("gridcase.map.max-grid-cases");
  }
}
