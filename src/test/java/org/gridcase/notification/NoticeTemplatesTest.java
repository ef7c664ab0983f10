package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.gridcase.notification.NoticeTemplates.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every notice template renders, in Chinese, from exactly the values its header declares. */
class NoticeTemplatesTest {

  static final String FOOTER = "此邮件由系统自动发送，请勿直接回复。\n";

  final NoticeTemplates templates = new NoticeTemplates();

  @ParameterizedTest
  @EnumSource(Notice.class)
  void everyTemplateRendersFromItsDeclaredValues(Notice notice) {
    Map<String, String> values = new HashMap<>();
    templates.placeholders(notice).forEach(name -> values.put(name, "«" + name + "»"));

    Rendered mail = templates.render(notice, values);

    assertThat(templates.placeholders(notice)).isNotEmpty();
    assertThat(mail.subject()).startsWith("【").doesNotContain("${").doesNotContain("\n");
    assertThat(mail.body()).startsWith("您好：").endsWith(FOOTER).doesNotContain("${");
    String all = mail.subject() + mail.body();
    templates.placeholders(notice).forEach(name -> assertThat(all).contains("«" + name + "»"));
  }

  @Test
  void theWordingFollowsTheNotice() {
    assertThat(templates.render(Notice.TASK_ASSIGNED, Map.of("taskName", "研判 GC-2026-000042",
        "trackingNumber", "GC-2026-000042", "dueAt", "2026-11-24 18:00", "link", "https://grid.example/tl"))
        .subject()).isEqualTo("【网格诉求】您有新的待办：研判 GC-2026-000042");
    assertThat(templates.render(Notice.EMERGENCY_DECLARED, Map.of("areaName", "东城街道", "from", "2026-08-01 06:00",
        "reason", "台风“山竹”登陆", "link", "https://grid.example/tl")).subject())
        .isEqualTo("【应急状态】东城街道已启动应急“1+2”扁平化模式");
    assertThat(templates.placeholders(Notice.ESCALATED))
        .containsExactly("taskName", "trackingNumber", "dueAt", "level", "link");
  }

  @Test
  void aMissingValueIsNamed() {
    assertThatThrownBy(() -> templates.render(Notice.EMERGENCY_LIFTED, Map.of("areaName", "东城街道")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notice EMERGENCY_LIFTED: missing value for 'until'");
    Map<String, String> withNull = new HashMap<>(Map.of("until", "2026-08-03 12:00"));
    withNull.put("areaName", null);
    assertThatThrownBy(() -> templates.render(Notice.EMERGENCY_LIFTED, withNull))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'areaName'");
  }

  @Test
  void valuesAreNotExpandedAgainAndSubjectsStayOnOneLine() {
    Rendered mail = templates.render(Notice.EMERGENCY_LIFTED, Map.of("areaName", "东城\r\n街道${until}",
        "until", "2026-08-03 12:00"));

    assertThat(mail.subject()).isEqualTo("【应急解除】东城 街道${until}已恢复常态管理");
    assertThat(mail.body()).contains("东城\r\n街道${until}已于2026-08-03 12:00解除");
  }
}
