package org.gridcase.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkBase public address of the survey page; the token is appended (default
 *     {@code <gridcase.public-url>/survey/})
 * @param validFor how long a survey link may be used (default 30 days)
 */
@ConfigurationProperties("gridcase.survey")
record SurveyProperties(String linkBase,
    @DefaultValue("P30D") Duration validFor) {
}
