package org.gridcase.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled run the demo's own SMTP server on {@code spring.mail.host}:{@code spring.mail.port} when that
 *     host is this machine, and list what it received at {@code /api/demo/mail} (default false; true in the
 *     demo profile, so {@code mvn spring-boot:run} needs no mail server; docker-compose sends to Mailpit)
 */
@ConfigurationProperties("gridcase.demo-mailbox")
record DemoMailboxProperties(@DefaultValue("false") boolean enabled) {
}
