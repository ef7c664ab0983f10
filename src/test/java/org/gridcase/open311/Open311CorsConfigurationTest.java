package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped configuration: no browser origin in production, any origin may read in the demo, none may post. */
class Open311CorsConfigurationTest {

  @Test
  void productionAllowsNoOriginAndTheDemoLetsAnyOriginRead() throws Exception {
    Open311CorsProperties production = bind("application.yml");
    assertThat(production.readOrigins()).isEmpty();
    assertThat(production.postOrigins()).isEmpty();

    Open311CorsProperties demo = bind("application.yml", "application-demo.yml");
    assertThat(demo.readOrigins()).containsExactly("*");
    assertThat(demo.postOrigins()).isEmpty();
  }

  private static Open311CorsProperties bind(String... files) throws Exception {
    List<PropertySource<?>> sources = new ArrayList<>();
    for (String file : files) {
      // later files win, as a later profile does
      sources.addAll(0, new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
    }
    return new Binder(sources.stream().map(org.springframework.boot.context.properties.source
            .ConfigurationPropertySource::from).toList())
        .bindOrCreate("gridcase.open311.cors", Open311CorsProperties.class);
  }
}
