/** The mail worker that sends what is queued, and what it shows of the queue in health and metrics. */
package io.cpor.notifications.worker;
