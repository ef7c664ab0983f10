/**
 * What the application lets in, and when: rate limits (Bucket4j token buckets per API key, per user and
 * per client address), intake refused with 503 while the application is not ready, and the response
 * headers every API answer and citizen page carries.
 */
package org.gridcase.traffic;
