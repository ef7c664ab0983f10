package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;

/**
 * Whatever a citizen types, the sanitiser returns text without markup and never fails; what it neutralises
 * from a mail is then accepted as text (mvn verify -Pfuzz).
 */
class UserTextFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void plainTextNeverCarriesMarkup(String input) {
    if (input == null) {
      return;
    }
    String plain = UserText.plain(input);
    assertThat(plain).isNotNull();
    // No element, i.e. nothing jsoup would read as a tag (hasMarkup is stricter: a NUL also fails it).
    assertThat(Jsoup.parseBodyFragment(plain).body().children()).as("markup left in %s", plain).isEmpty();
    String neutralised = UserText.neutralised(input);
    assertThatCode(() -> UserText.accept("text", neutralised)).as("neutralised %s", neutralised)
        .doesNotThrowAnyException();
    try {
      String accepted = UserText.accept("text", input);
      assertThat(UserText.hasMarkup(accepted)).as("accepted %s", accepted).isFalse();
    } catch (UserText.InvalidTextException refused) {
      assertThat(refused.getMessage()).startsWith("text：");
    }
  }
}
