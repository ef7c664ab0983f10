package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridcase.common.UserText.InvalidTextException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decode first, then decide: markup in any spelling is refused, prose keeps its {@code <} and {@code &}. */
class UserTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "&lt;script&gt;", "<img src=x onerror=alert(1)>",
      "&lt;img src=x onerror=alert(1)&gt;", "&#60;img src=x&#62;", "&#x3C;svg onload=alert(1)&#x3E;",
      "&amp;lt;script&amp;gt;", "&amp;amp;amp;amp;amp;lt;b&gt;", "&ltscript&gt", "<a href=\"https://evil.example\">x</a>",
      "</p>", "<!-- c -->", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "正文<b>加粗</b>"})
  void markupIsRefusedNamingTheField(String input) {
    assertThatThrownBy(() -> UserText.accept("description", input))
        .isInstanceOfSatisfying(InvalidTextException.class, e -> {
          assertThat(e.field()).isEqualTo("description");
          assertThat(e.getMessage()).contains("description", "HTML");
        });
    assertThat(UserText.hasMarkup(input)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"水位 < 1米", "A & B", "AT&T", "1<2 且 3>2", "a<1", "<东侧>", "<", "&", "x &&& y",
      ":-< >_<", "价格<=100元"})
  void proseIsKeptAsTyped(String input) {
    assertThat(UserText.accept("description", input)).isEqualTo(input);
    assertThat(UserText.hasMarkup(input)).isFalse();
  }

  @Test
  void entitiesAreDecodedOnceAndTheTextTrimmed() {
    assertThat(UserText.accept("description", "  路灯 &amp; 井盖 &lt; 10米 ")).isEqualTo("路灯 & 井盖 < 10米");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "\u0007", "a\u001bb", "\u007f", "\u0085", "&#1;", "a&#x1b;b"})
  void controlCharactersAreRefused(String input) {
    assertThatThrownBy(() -> UserText.accept("clientRequestId", input))
        .isInstanceOfSatisfying(InvalidTextException.class, e -> assertThat(e.getMessage()).contains("clientRequestId"));
    assertThat(UserText.hasControlCharacters(UserText.neutralised(input))).isFalse();
  }

  @Test
  void lineBreaksAndTabsAreTextWithLineFeedsOnly() {
    assertThat(UserText.accept("description", "一\n二\r\n三\t四\r五")).isEqualTo("一\n二\n三\t四\n五");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u200B", "\u200C\u200D\uFEFF", "\u2060\u00AD\u3000", "\u3164", "&#8203;",
      "\u202E\u202C"})
  void invisibleOnlyIsEmpty(String input) {
    assertThat(UserText.accept("description", input)).isNull();
    assertThat(UserText.isBlank(UserText.accept("description", input + "x"))).isFalse();
  }

  @Test
  void neutralisedTextFromAMailIsAcceptedAsText() {
    String mail = "见 <https://example.org/a> 和 &lt;script&gt; a < b\u0000";
    String neutral = UserText.neutralised(mail);
    assertThat(neutral).isEqualTo("见 ＜https://example.org/a＞ 和 ＜script＞ a ＜ b");
    assertThat(UserText.accept("description", neutral)).isEqualTo(neutral);
    assertThat(UserText.neutralised("水位 < 1米")).isEqualTo("水位 < 1米");
  }
  /** Findings of UserTextFuzzTest (plain(), for text that arrives as HTML on purpose), kept as plain tests. */
  @Test
  void entitiesThatSpellMarkupDoNotComeOutOfPlainAsMarkup() {
    for (String input : new String[] {"&lt;b&gt;路灯&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;井盖",
        "&amp;lt;img src=x onerror=alert(1)&amp;gt;", "<<b>b>路灯"}) {
      String plain = UserText.plain(input);
      assertThat(org.jsoup.Jsoup.parseBodyFragment(plain).body().children()).as(input + " -> " + plain).isEmpty();
    }
    assertThat(UserText.plain("&lt;b&gt;路灯&lt;/b&gt;")).isEqualTo("路灯");
  }

  @Test
  void plainKeepsOrdinaryTextAndEntitiesAsTheyWere() {
    assertThat(UserText.plain("路灯 &amp; 井盖都坏了")).isEqualTo("路灯 & 井盖都坏了");
    assertThat(UserText.plain("温度 3 < 5，水压 > 0")).isEqualTo("温度 3 < 5，水压 > 0");
    assertThat(UserText.plain("  第一行\r\n第二行  ")).isEqualTo("第一行\n第二行");
    assertThat(UserText.plain(null)).isNull();
  }
}
