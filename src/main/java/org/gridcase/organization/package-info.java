/**
 * The grid organisation: district → street → community → grid, departments, people and their roles,
 * imported from a dataset file and mirrored into Camunda's users and groups.
 */
package org.gridcase.organization;
