package org.gridcase.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from sender address of outgoing mail (default {@code noreply@gridcase.local})
 * @param fromName sender name shown to citizens (default 网格化服务管理中心)
 */
@ConfigurationProperties("gridcase.mail")
record MailProperties(@DefaultValue("noreply@gridcase.local") String from,
    @DefaultValue("网格化服务管理中心") String fromName) {
}
