package org.gridcase.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address people reach Gridcase at, such as {@code https://wangge.example.gov.cn}: the
 *     base of every link in mails and answers (survey, Tasklist, status page, bulletins, Open311 discovery).
 *     Default: none, so links follow the HTTP request being served, or else (in jobs) come from the
 *     server's own port, {@code http://localhost:<server.port><context path>}. Set it in production, where
 *     neither is what citizens and handlers see.
 */
@ConfigurationProperties("gridcase")
record PublicUrlProperties(String publicUrl) {
}
