package org.gridcase.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Weights of the grid leader's score (双月考评), over rates from 0 to 100; they should add up to 1.
 *
 * @param acceptance weight of the acceptance rate 受理率 (default 0.2)
 * @param completion weight of the completion rate 办结率 (default 0.3)
 * @param onTime weight of the on-time rate 按期办结率 (default 0.2)
 * @param satisfaction weight of the satisfaction rate 满意率 (default 0.3)
 */
@ConfigurationProperties("gridcase.grading.weights")
record GradingProperties(@DefaultValue("0.2") double acceptance, @DefaultValue("0.3") double completion,
    @DefaultValue("0.2") double onTime, @DefaultValue("0.3") double satisfaction) {

  @Override
  public String toString() {
    return "acceptance=" + acceptance + ",completion=" + completion + ",onTime=" + onTime + ",satisfaction="
        + satisfaction;
  }
}
