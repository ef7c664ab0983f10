package org.gridcase.mailbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_PollMailbox}: its own job, retried; a mailbox that cannot be reached ends as an incident. */
@Component("mailboxPollDelegate")
class MailboxPollDelegate implements JavaDelegate {

  private final MailboxPoller poller;

  MailboxPollDelegate(MailboxPoller poller) {
    this.poller = poller;
  }

  @Override
  public void execute(DelegateExecution execution) {
    poller.poll();
  }
}
