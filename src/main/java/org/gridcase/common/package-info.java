/**
 * Small building blocks shared by every feature module: typed process variables and text sanitising.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gridcase.common;
