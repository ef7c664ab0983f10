package org.gridcase.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param linkBase address of a bulletin in the mail to leaders; the bulletin id is appended (default
 *     {@code <gridcase.public-url>/api/bulletins/})
 */
@ConfigurationProperties("gridcase.bulletin")
record BulletinProperties(String linkBase) {
}
