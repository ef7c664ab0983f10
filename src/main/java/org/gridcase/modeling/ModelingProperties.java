package org.gridcase.modeling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param restoreReleaseOnStart at start-up, deploy the release's models (processes/, forms/) whenever the engine
 *     currently runs a different version of any of them, e.g. one deployed from Camunda Modeler; false: deploy
 *     them only when the release itself changed since its last deployment, so a Modeler deploy stays current
 *     across restarts (default true: after a start the engine runs what is in the release)
 */
@ConfigurationProperties("gridcase.modeling")
record ModelingProperties(@DefaultValue("true") boolean restoreReleaseOnStart) {
}
