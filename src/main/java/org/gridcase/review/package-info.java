/**
 * 反馈 and 满意度回访: feedback by phone, the satisfaction review, reopening (重办) and supervision (督办).
 */
package org.gridcase.review;
