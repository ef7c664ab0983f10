package org.gridcase.notification;

import java.util.Optional;

/**
 * How notices reach people. Mail is the only channel today; SMS would be a second implementation that
 * finds a phone number instead of an e-mail address.
 */
interface NoticeChannel {

  /** Where this Camunda user is reached on this channel; empty when nowhere, and the notice is skipped. */
  Optional<String> addressOf(String userId);

  /** Stored as the skipped reason when {@link #addressOf} is empty. */
  String noAddressReason();

  /**
   * Delivers the notice, or throws an exception whose message names only {@code what}, never the
   * address, so the job is retried and the incident shows no personal data.
   */
  void send(String address, String subject, String body, String what);
}
