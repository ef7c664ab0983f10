package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Whatever a citizen types, the sanitiser returns text without markup and never fails (mvn verify -Pfuzz). */
class UserTextFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void plainTextNeverCarriesMarkup(String input) {
    if (input == null) {
      return;
    }
    String plain = UserText.plain(input);
    assertThat(plain).isNotNull();
    assertThat(UserText.hasMarkup(plain)).as("markup left in %s", plain).isFalse();
  }
}
