package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Findings of UserTextFuzzTest, kept as plain tests. */
class UserTextTest {

  @Test
  void entitiesThatSpellMarkupDoNotComeOutAsMarkup() {
    for (String input : new String[] {"&lt;b&gt;路灯&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;井盖",
        "&amp;lt;img src=x onerror=alert(1)&amp;gt;", "<<b>b>路灯"}) {
      String plain = UserText.plain(input);
      assertThat(Jsoup.parseBodyFragment(plain).body().children()).as(input + " -> " + plain).isEmpty();
    }
    assertThat(UserText.plain("&lt;b&gt;路灯&lt;/b&gt;")).isEqualTo("路灯");
  }

  @Test
  void ordinaryTextAndEntitiesStayAsTheyWere() {
    assertThat(UserText.plain("路灯 &amp; 井盖都坏了")).isEqualTo("路灯 & 井盖都坏了");
    assertThat(UserText.plain("温度 3 < 5，水压 > 0")).isEqualTo("温度 3 < 5，水压 > 0");
    assertThat(UserText.plain("  第一行\n第二行  ")).isEqualTo("第一行\n第二行");
    assertThat(UserText.plain(null)).isNull();
  }
}
