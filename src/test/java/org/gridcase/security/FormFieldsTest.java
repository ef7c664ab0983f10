package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The writable fields of a Camunda Form: inputs, also inside groups; not disabled (display-only) ones. */
class FormFieldsTest {

  @Test
  void disabledTextAndButtonsAreNotWritable() {
    FormFields forms = new FormFields("classpath*:org/gridcase/security/forms/*.form");
    assertThat(forms.writable("sample")).hasValueSatisfying(keys ->
        assertThat(keys).containsExactlyInAnyOrder("note", "decision"));
    assertThat(forms.writable("unknown")).isEmpty();
  }

  @Test
  void theShippedStartFormLetsPeopleWriteItsFieldsOnly() {
    FormFields forms = new FormFields();
    assertThat(forms.writable("collect-request")).hasValueSatisfying(keys -> assertThat(keys)
        .contains("description", "gridCode", "requesterPhone").doesNotContain("requestId", "triageGroup"));
  }

  @Test
  void theFiltersExpressionsAreSafeAndCodeIsNot() {
    assertThat(QueryGuard.isSafe("${currentUser()}")).isTrue();
    assertThat(QueryGuard.isSafe("${ currentUserGroups() }")).isTrue();
    assertThat(QueryGuard.isSafe("${dateTime().plusDays(1).toDate()}")).isTrue();
    assertThat(QueryGuard.isSafe("${dateTime().withTimeAtStartOfDay().minusHours(2).toDate()}")).isTrue();
    assertThat(QueryGuard.isSafe("${now()}")).isTrue();
    assertThat(QueryGuard.isSafe("#{currentUser()}")).isFalse();
    assertThat(QueryGuard.isSafe("${currentUser()}${''.getClass()}")).isFalse();
    assertThat(QueryGuard.isSafe("${dateTime().plusDays(1).getClass().forName('java.lang.Runtime')}")).isFalse();
    assertThat(QueryGuard.isSafe("${execution}")).isFalse();
  }
}
