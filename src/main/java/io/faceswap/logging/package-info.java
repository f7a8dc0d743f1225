/**
 * Request ids and the log's context: every HTTP request gets an {@code X-Request-Id}, and log lines written for a
 * request or for a task's job carry the request id, the task id and the user id in the MDC (JBoss Logging's, which
 * the server's pattern and JSON formatters print). Depends on nothing else of the application.
 */
package io.faceswap.logging;
