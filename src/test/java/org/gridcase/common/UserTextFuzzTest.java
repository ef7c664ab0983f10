package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;

/** Whatever a citizen types, the sanitiser returns text without markup and never fails (mvn verify -Pfuzz). */
class UserTextFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void plainTextNeverCarriesMarkup(String input) {
    if (input == null) {
      return;
    }
    String plain = UserText.plain(input);
    assertThat(plain).isNotNull();
    // No element, i.e. nothing jsoup would read as a tag (hasMarkup is stricter: a NUL also fails it).
    assertThat(Jsoup.parseBodyFragment(plain).body().children()).as("markup left in %s", plain).isEmpty();
  }
}
