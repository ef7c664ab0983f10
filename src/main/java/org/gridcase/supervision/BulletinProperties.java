package org.gridcase.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkBase address of a bulletin in the mail to leaders; the bulletin id is appended (default
 *     {@code http://localhost:8080/api/bulletins/})
 */
@ConfigurationProperties("gridcase.bulletin")
record BulletinProperties(@DefaultValue("http://localhost:8080/api/bulletins/") String linkBase) {
}
