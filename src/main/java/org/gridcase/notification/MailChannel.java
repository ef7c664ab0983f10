package org.gridcase.notification;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Notices by mail, to the e-mail address the organisation sync gave the Camunda user. */
@Component
class MailChannel implements NoticeChannel {

  private final IdentityService identity;
  private final Mailer mailer;

  MailChannel(IdentityService identity, Mailer mailer) {
    this.identity = identity;
    this.mailer = mailer;
  }

  @Override
  public Optional<String> addressOf(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).map(User::getEmail).map(String::strip).filter(email -> !email.isEmpty());
  }

  @Override
  public String noAddressReason() {
    return "未登记电子邮箱";
  }

  @Override
  public void send(String address, String subject, String body, String what) {
    mailer.send(address, subject, body, what);
  }
}
