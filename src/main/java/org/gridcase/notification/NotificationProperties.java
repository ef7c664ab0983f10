package org.gridcase.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tasklistUrl the Tasklist address that notices give as {@code link}, as handlers reach it
 *     (default {@code http://localhost:8080/camunda/app/tasklist/})
 */
@ConfigurationProperties("gridcase.notification")
record NotificationProperties(@DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistUrl) {
}
