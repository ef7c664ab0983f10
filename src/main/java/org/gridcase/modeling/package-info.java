/**
 * How models reach the engine: the release's own deployment at start-up ({@link
 * org.gridcase.modeling.ReleaseDeployment}) and the check every deployment passes, whether from the
 * release, the engine REST API or Camunda Modeler ({@link org.gridcase.modeling.ReferenceCheck}): a
 * process whose decision or form reference cannot be resolved is refused with a 400 naming what is missing.
 */
package org.gridcase.modeling;
