package org.gridcase.mailbox;

import org.springframework.stereotype.Component;

/**
 * The {@code mailboxSchedule} bean of {@code processes/mailbox-poll.bpmn}: its timer reads
 * {@code ${mailboxSchedule.cycle}}. Public because the expression language calls it.
 */
@Component("mailboxSchedule")
public class MailboxSchedule {

  private final MailboxProperties properties;

  MailboxSchedule(MailboxProperties properties) {
    this.properties = properties;
  }

  /** {@code gridcase.mailbox.cycle}, re-read each time the timer is due. */
  public String getCycle() {
    return properties.cycle();
  }
}
