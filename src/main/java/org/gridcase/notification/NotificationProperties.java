package org.gridcase.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tasklistUrl the Tasklist address that notices give as {@code link}, as handlers reach it
 *     (default {@code <gridcase.public-url>/camunda/app/tasklist/})
 */
@ConfigurationProperties("gridcase.notification")
record NotificationProperties(String tasklistUrl) {
}
