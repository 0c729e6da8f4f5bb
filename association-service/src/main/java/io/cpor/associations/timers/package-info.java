/** Fires due decline timers, and shows their backlog in health and metrics. */
package io.cpor.associations.timers;
