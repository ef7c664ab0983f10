package org.gridcase.matters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catalogue Spring resource location of the matters catalogue, loaded at start-up when its
 *     content changed. Default: the catalogue shipped in {@code src/main/resources/matters/}.
 */
@ConfigurationProperties("gridcase.matters")
record MattersProperties(@DefaultValue("classpath:matters/catalogue.yml") String catalogue) {
}
