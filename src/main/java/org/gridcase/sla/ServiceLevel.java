package org.gridcase.sla;

/**
 * One row of the decision {@code sla}.
 *
 * @param due ISO-8601 duration allowed for the stage
 * @param warnPercent share of that time after which the handler is reminded
 * @param claimWithin ISO-8601 duration after which an unclaimed task is also offered to the backups; may be null
 * @param escalateTo role key of the level a breach is reported to, outside the handling ladder; may be null
 */
public record ServiceLevel(String due, int warnPercent, String claimWithin, String escalateTo) {
}
