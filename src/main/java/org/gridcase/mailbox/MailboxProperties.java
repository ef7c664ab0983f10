package org.gridcase.mailbox;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The IMAP mailbox of 书记信箱. Nothing is polled unless {@code enabled}; then host, username and password
 * are required.
 *
 * @param enabled poll the mailbox (default false: the poll timer stays suspended)
 * @param host IMAP server (default {@code localhost})
 * @param port IMAP port; 0 means the protocol's own, 143 or 993 (default 0)
 * @param protocol {@code imap} or {@code imaps} (default {@code imaps})
 * @param username login of the mailbox (no default)
 * @param password its password (no default outside the demo profile)
 * @param folder the folder read (default {@code INBOX})
 * @param cycle how often to poll: an ISO 8601 repeating interval or a cron expression (default {@code R/PT2M})
 * @param maxMessagesPerPoll new messages taken per poll; the rest wait for the next poll (default 50)
 * @param maxAttachmentBytes largest attachment read from a message; a larger one is noted in the case
 *     instead of kept (default 5 MB: 5242880)
 * @param connectTimeout connection timeout to the IMAP server (default 10 s)
 * @param timeout read timeout of the IMAP server (default 30 s)
 * @param statusLinkBase public address of the status page, given in the acknowledgement with the status code
 *     (tracking number and check code) appended (default {@code <gridcase.public-url>/status/})
 */
@ConfigurationProperties("gridcase.mailbox")
record MailboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
    @DefaultValue("0") int port, @DefaultValue("imaps") String protocol, String username, String password,
    @DefaultValue("INBOX") String folder, @DefaultValue("R/PT2M") String cycle,
    @DefaultValue("50") int maxMessagesPerPoll, @DefaultValue("5242880") long maxAttachmentBytes,
    @DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration timeout,
    String statusLinkBase) {

  private static final Set<String> PROTOCOLS = Set.of("imap", "imaps");

  MailboxProperties {
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException("gridcase.mailbox.protocol must be imap or imaps");
    }
    if (maxMessagesPerPoll < 1) {
      throw new IllegalArgumentException("gridcase.mailbox.max-messages-per-poll must be at least 1");
    }
    if (maxAttachmentBytes < 1) {
      throw new IllegalArgumentException("gridcase.mailbox.max-attachment-bytes must be at least 1");
    }
    if (enabled) {
      required("host", host);
      required("username", username);
      required("password", password);
      required("cycle", cycle);
    }
  }

  private static void required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("gridcase.mailbox." + key + " is required when gridcase.mailbox.enabled is true");
    }
  }
}
